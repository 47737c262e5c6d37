import DelimitedText
import Testing

/// A large file is parsed in two halves at once, split where the middle line starts (`CSVParser`).
@Suite struct DelimitedTableHalvesTests {
    /// 30,000 rows after the header: line `n` holds row `R-n`; the second half starts on line 15,001.
    static let rows = 30_000
    static let split = (rows + 1) / 2 + 1

    /// Rows numbered by their line, ending in `newline`, with one row at `oddLine` whose quoted field holds a newline.
    static func table(oddLine: Int, newline: String = "\n") -> (text: String, expected: [[String]]) {
        var text = "reference,organisation,last_name" + newline
        var expected: [[String]] = []
        var line = 2
        while line <= rows + 1 {
            if line == oddLine {
                text += "R-\(line),\"Police,\nBorder\",Popa" + newline
                expected.append(["R-\(line)", "Police,\nBorder", "Popa"])
                line += 2
            } else {
                text += "R-\(line),Police,Popa" + newline
                expected.append(["R-\(line)", "Police", "Popa"])
                line += 1
            }
        }
        return (text, expected)
    }

    @Test(arguments: [-3, -2, -1, 0, 1])
    func aQuotedFieldHoldingANewlineIsReadWholeWhereverTheSplitFalls(offset: Int) throws {
        let line = Self.split + offset
        let (text, expected) = Self.table(oddLine: line)
        let table = try DelimitedTable(text: text, name: "t.csv")
        #expect(table.records.map(\.fields) == expected)
        #expect(table.records.last?.line == Self.rows + 1)
        #expect(table.records.first { $0.fields[0] == "R-\(line)" }?.line == line)
    }

    @Test(arguments: [-1, 0, 1])
    func windowsLineEndingsAreReadAsInOnePassWhereverTheSplitFalls(offset: Int) throws {
        let line = Self.split + offset
        let (text, expected) = Self.table(oddLine: line, newline: "\r\n")
        let table = try DelimitedTable(text: text, name: "t.csv")
        #expect(table.records.map(\.fields) == expected)
        #expect(table.records.first { $0.fields[0] == "R-\(line)" }?.line == line)
    }

    @Test(arguments: [-2, -1, 0])
    func aQuoteNeverClosedAroundTheSplitCostsOnlyItsOwnLine(offset: Int) throws {
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
