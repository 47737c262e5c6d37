public import Foundation

/// How every answer is written as JSON, on the command line and over HTTP alike: keys sorted, dates ISO 8601.
public enum StationJSON {
    /// An encoder for answers; `pretty` for people reading a terminal.
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
