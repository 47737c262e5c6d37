public import Foundation
import Roster

/// A delimited text file read whole: its header and its records, each with the line it starts on.
///
/// Parsing is libcsv's (``CSVParser``); this type adds what an import needs around it: UTF-8 with or without BOM,
/// the delimiter (`,` `;` or tab) detected from the header line, and fields trimmed of stray spaces. A row with a
/// quote out of place is read as written and marked, never allowed to make the whole file unreadable.
public struct DelimitedTable: Sendable {
    /// One data row and the line of the file it starts on.
    public struct Record: Sendable {
        public let line: Int
        public let fields: [String]
        /// Whether a quote was out of place in the row, so it was read as written (quotes included) rather than
        /// as CSV quoting says: right for `John "Jack"`, doubtful when its fields do not line up with the header.
        public let misplacedQuote: Bool

        public init(line: Int, fields: [String], misplacedQuote: Bool = false) {
            self.line = line
            self.fields = fields
            self.misplacedQuote = misplacedQuote
        }
    }

    public let header: [String]
    public let records: [Record]
    public let delimiter: Character

    /// A table made in memory (rows read from JSON), each record's `line` its number in the source.
    public init(header: [String], records: [Record], delimiter: Character = ",") {
        self.header = header
        self.records = records
        self.delimiter = delimiter
    }

    /// Reads and parses `url`.
    /// - Throws: ``LanyardError`` `unreadableFile` when the file cannot be read, is not UTF-8, has no header or
    ///   is empty.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw LanyardError(
                .unreadableFile, "\(url.path) cannot be read: \(error.localizedDescription)",
                remedy: "Check the path and the file's permissions.", cause: error)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LanyardError(
                .unreadableFile, "\(url.lastPathComponent) is not UTF-8 text.",
                remedy: "Export it again as CSV UTF-8, or convert it with iconv.")
        }
        try self.init(text: text, name: url.lastPathComponent)
    }

    /// Parses delimited `text`; `name` names it in errors.
    public init(text: String, name: String) throws {
        var body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let delimiter = Self.detectDelimiter(in: body)
        let parsed = try body.withUTF8 { bytes in
            try CSVParser.records(in: bytes, delimiter: delimiter.asciiValue!)
        }
        guard let header = parsed.first?.fields, header.contains(where: { !$0.isEmpty }) else {
            throw LanyardError(.unreadableFile, "\(name) is empty.", remedy: "The first line must name the columns.")
        }
        self.header = header
        self.records = parsed.dropFirst().filter { record in !(record.fields.count == 1 && record.fields[0].isEmpty) }
        self.delimiter = delimiter
    }

    /// The delimiter that splits the header line into the most columns.
    private static func detectDelimiter(in text: String) -> Character {
        let firstLine = text.utf8.prefix { $0 != 0x0A && $0 != 0x0D }
        let candidates: [Character] = [",", ";", "\t"]
        return candidates.max { a, b in
            firstLine.count(of: a.asciiValue!) < firstLine.count(of: b.asciiValue!)
        } ?? ","
    }
}

extension Sequence<UInt8> {
    fileprivate func count(of byte: UInt8) -> Int {
        reduce(0) { $1 == byte ? $0 + 1 : $0 }
    }
}
