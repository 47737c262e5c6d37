import DelimitedText
import Testing

@Suite struct CSVWriterTests {
    @Test(arguments: [
        (#"=HYPERLINK("http://evil")"#, #""'=HYPERLINK(""http://evil"")""#),
        ("@SUM(1)", #""'@SUM(1)""#),
        ("+Plus", #""'+Plus""#),
        ("-Org", #""'-Org""#),
        ("\tTabbed", "\"'\tTabbed\""),
        ("\rReturned", "\"'\rReturned\""),
        ("Müller, Séverine", #""Müller, Séverine""#),
        (#"Say "hi""#, #""Say ""hi""""#),
        ("", #""""#),
    ])
    func aCellASpreadsheetWouldRunIsNeutralisedAndEveryCellIsQuoted(_ value: String, _ written: String) {
        let csv = CSVWriter(header: [value])
        #expect(csv.text == written + "\r\n")
    }

    @Test func whatTheWriterWritesReadsBackAsText() throws {
        var csv = CSVWriter(header: ["reference", "name"])
        csv.append(["R-1", "=1+1"])
        csv.append(["R-2", "Line one\nline two"])
        let table = try DelimitedTable(text: csv.text, name: "out.csv")
        #expect(table.records.map(\.fields) == [["R-1", "'=1+1"], ["R-2", "Line one\nline two"]])
    }
}
