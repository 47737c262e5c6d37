import CSV
public import Foundation
import Roster

/// A delimited text file read whole: its header and its records, each with the line it starts on.
///
/// Parsing is CSV.swift's; this type adds what an import needs around it: UTF-8 with or without BOM, the
/// delimiter (`,` `;` or tab) detected from the header line, and physical line numbers for error messages,
/// counting the newlines inside quoted fields.
public struct DelimitedTable: Sendable {
    /// One data row and the line of the file it starts on.
    public struct Record: Sendable {
        public let line: Int
        public let fields: [String]
    }

    public let header: [String]
    public let records: [Record]
    public let delimiter: Character

    /// Reads and parses `url`.
    /// - Throws: ``LanyardError`` `unreadableFile` when the file cannot be read, is not UTF-8, has no header or
    ///   is malformed beyond one row.
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
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let delimiter = Self.detectDelimiter(in: body)
        let reader: CSVReader
        do {
            // Fields are trimmed here rather than by CSV.swift, whose Foundation trimming dominates large imports.
            reader = try CSVReader(
                string: body, hasHeaderRow: true, trimFields: false, delimiter: delimiter.unicodeScalars.first!)
        } catch {
            throw LanyardError(.unreadableFile, "\(name) has no header row.", remedy: "The first line must name the columns.")
        }
        let header = (reader.headerRow ?? []).map(Self.trimmed)
        var line = 1 + header.reduce(1) { $0 + $1.newlineCount }
        var records: [Record] = []
        while let raw = reader.next() {
            let fields = raw.map(Self.trimmed)
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: line, fields: fields))
            }
            line += fields.reduce(1) { $0 + $1.newlineCount }
        }
        if let error = reader.error {
            throw LanyardError(
                .unreadableFile, "\(name) is malformed near line \(line): \(error).",
                remedy: "Check the quoting there; nothing was imported.", cause: error)
        }
        guard header.contains(where: { !$0.isEmpty }) else {
            throw LanyardError(.unreadableFile, "\(name) is empty.", remedy: "The first line must name the columns.")
        }
        self.header = header
        self.records = records
        self.delimiter = delimiter
    }

    /// `field` without leading and trailing spaces and tabs (a field's own newlines stay).
    private static func trimmed(_ field: String) -> String {
        guard let first = field.utf8.first, let last = field.utf8.last,
            first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        else { return field }
        let scalars = field.unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[start...end])
    }

    /// The delimiter that splits the header line into the most columns.
    private static func detectDelimiter(in text: String) -> Character {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let candidates: [Character] = [",", ";", "\t"]
        return candidates.max { a, b in firstLine.count(of: a) < firstLine.count(of: b) } ?? ","
    }
}

extension StringProtocol {
    fileprivate var newlineCount: Int {
        var count = 0
        for scalar in unicodeScalars where scalar == "\n" { count += 1 }
        return count
    }

    fileprivate func count(of character: Character) -> Int {
        reduce(0) { $1 == character ? $0 + 1 : $0 }
    }
}
