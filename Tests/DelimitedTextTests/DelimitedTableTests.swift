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

/// A large file is parsed in two halves at once, split where the middle line starts (`CSVParser`).
@Suite struct DelimitedTableHalvesTests {
    /// 30,000 rows after the header: line `n` holds row `R-n`; the split falls on line 15,002.
    static let rows = 30_000
    static let split = (rows + 1) / 2 + 1

    /// Rows numbered by their line, with one odd row starting at `oddLine` (which must be a row's own line).
    static func table(odd: String, at oddLine: Int) -> (text: String, expected: [[String]]) {
        var text = "reference,organisation,last_name\n"
        var expected: [[String]] = []
        var line = 2
        while line <= rows + 1 {
            if line == oddLine {
                text += odd
                expected.append(["R-\(line)", "Police,\nBorder", "Popa"])
                line += 2
            } else {
                text += "R-\(line),Police,Popa\n"
                expected.append(["R-\(line)", "Police", "Popa"])
                line += 1
            }
        }
        return (text, expected)
    }

    @Test(arguments: [-3, -2, -1, 0, 1])
    func aQuotedFieldHoldingANewlineIsReadWholeWhereverTheSplitFalls(offset: Int) throws {
        let line = Self.split + offset
        let (text, expected) = Self.table(odd: "R-\(line),\"Police,\nBorder\",Popa\n", at: line)
        let table = try DelimitedTable(text: text, name: "t.csv")
        #expect(table.records.map(\.fields) == expected)
        #expect(table.records.last?.line == Self.rows + 1)
        #expect(table.records.first { $0.fields[0] == "R-\(line)" }?.line == line)
    }

    @Test(arguments: [-2, -1, 0])
    func aQuoteNeverClosedJustBeforeTheSplitCostsOnlyItsOwnLine(offset: Int) throws {
        let line = Self.split + offset
        var text = "reference,organisation,last_name\n"
        for number in 2...(Self.rows + 1) {
            text += number == line ? "R-\(number),\"Police,Popa\n" : "R-\(number),Police,Popa\n"
        }
        let table = try DelimitedTable(text: text, name: "t.csv")
        #expect(table.records.count == Self.rows)
        #expect(table.records.map(\.line) == Array(2...(Self.rows + 1)))
        #expect(table.records.filter(\.misplacedQuote).map(\.line) == [line])
    }
}
