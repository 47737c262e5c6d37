import DelimitedText
import Foundation
import Testing

@Suite struct DelimitedTableTests {
    @Test(arguments: [",", ";", "\t"])
    func theDelimiterIsDetectedFromTheHeader(delimiter: String) throws {
        let text = ["reference", "first_name", "last_name"].joined(separator: delimiter) + "\nR-1\(delimiter)Ana\(delimiter)Popa\n"
        let table = try DelimitedTable(text: text, name: "t.csv")
        #expect(table.header == ["reference", "first_name", "last_name"])
        #expect(table.records.first?.fields == ["R-1", "Ana", "Popa"])
    }

    @Test func aByteOrderMarkIsIgnored() throws {
        let files = try TemporaryFiles()
        let url = try files.write("bom.csv", data: Data([0xEF, 0xBB, 0xBF]) + Data("reference,last_name\nR-1,Popa\n".utf8))
        #expect(try DelimitedTable(contentsOf: url).header.first == "reference")
    }

    @Test func crlfLineEndingsAreRead() throws {
        let table = try DelimitedTable(text: "reference,last_name\r\nR-1,Popa\r\nR-2,Ionescu\r\n", name: "t.csv")
        #expect(table.records.map(\.fields) == [["R-1", "Popa"], ["R-2", "Ionescu"]])
        #expect(table.records.map(\.line) == [2, 3])
    }

    @Test func quotedFieldsKeepDelimitersAndNewlinesAndLineNumbersStayTrue() throws {
        let text = "reference,organisation,last_name\nR-1,\"Police, Border\nand Customs\",Popa\nR-2,\"Say \"\"hi\"\"\",Ionescu\n"
        let table = try DelimitedTable(text: text, name: "t.csv")
        #expect(table.records[0].fields[1] == "Police, Border\nand Customs")
        #expect(table.records[1].fields[1] == "Say \"hi\"")
        #expect(table.records.map(\.line) == [2, 4])
    }

    @Test func strayWhitespaceAroundFieldsIsTrimmed() throws {
        let table = try DelimitedTable(text: "reference , last_name\n  R-1 ,  Popa  \n", name: "t.csv")
        #expect(table.header == ["reference", "last_name"])
        #expect(table.records.first?.fields == ["R-1", "Popa"])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let table = try DelimitedTable(text: "reference,last_name\n\nR-1,Popa\n", name: "t.csv")
        #expect(table.records.map(\.line) == [3])
    }

    @Test func aFileThatIsNotUTF8IsUnreadable() throws {
        let files = try TemporaryFiles()
        let url = try files.write("latin1.csv", data: Data("reference,last_name\nR-1,M".utf8) + Data([0xFC]) + Data("ller\n".utf8))
        #expect(throws: (any Error).self) { try DelimitedTable(contentsOf: url) }
    }

    @Test func aStrayQuoteInsideAFieldIsReadAsWrittenAndTheRestOfTheFileStays() throws {
        // A nickname typed in a spreadsheet: not valid CSV quoting, but plainly meant.
        let text = "reference,first_name,last_name\nR-1,John \"Jack\",Smith\nR-2,Ana,Popa\n"
        let table = try DelimitedTable(text: text, name: "t.csv")
        #expect(table.records.map(\.fields) == [["R-1", "John \"Jack\"", "Smith"], ["R-2", "Ana", "Popa"]])
        #expect(table.records.map(\.line) == [2, 3])
        #expect(table.records.map(\.misplacedQuote) == [true, false])
    }

    @Test func aQuoteNeverClosedCostsItsOwnLineNotTheRestOfTheFile() throws {
        let text = "reference,first_name,last_name\nR-1,\"Ana,Popa\nR-2,Jan,Novak\nR-3,\"Eva\",Horvat\n"
        let table = try DelimitedTable(text: text, name: "t.csv")
        #expect(table.records.map(\.line) == [2, 3, 4])
        #expect(table.records[0].misplacedQuote)
        #expect(table.records[1].fields == ["R-2", "Jan", "Novak"])
        #expect(table.records[2].fields == ["R-3", "Eva", "Horvat"])
    }

    @Test func textAfterAClosingQuoteIsReadAsWritten() throws {
        let table = try DelimitedTable(text: "reference,last_name\nR-1,\"Popa\"x\n", name: "t.csv")
        #expect(table.records.first?.fields == ["R-1", "\"Popa\"x"])
    }
}
