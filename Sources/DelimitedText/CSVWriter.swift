import CCsv

/// Writes CSV that spreadsheets open safely: RFC 4180 (every field quoted by libcsv, lines ending in CRLF), and a
/// cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return,
/// OWASP's rule) is neutralised with a leading apostrophe, so `=HYPERLINK(…)` in a name stays text.
public struct CSVWriter: Sendable {
    /// The document so far: the header, then each row.
    public private(set) var text: String

    /// Starts a document with its header row.
    public init(header: [String]) {
        text = ""
        append(header)
    }

    /// Appends a row.
    public mutating func append(_ row: [String]) {
        text += row.map(Self.field).joined(separator: ",") + "\r\n"
    }

    /// `value` neutralised and quoted.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, Self.formulaStarts.contains(first) { value = "'" + value }
        return value.withUTF8 { source in
            var quoted = [UInt8](repeating: 0, count: source.count * 2 + 2)
            let length = quoted.withUnsafeMutableBytes { csv_write($0.baseAddress, $0.count, source.baseAddress, source.count) }
            return String(decoding: quoted.prefix(length), as: UTF8.self)
        }
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}
