import Foundation

/// Tidying of names as delegates typed them.
public enum PersonName {
    /// Collapses runs of whitespace and trims the ends: `"  Jean   Luc "` becomes `"Jean Luc"`.
    public static func collapsingWhitespace(_ text: String) -> String {
        var previousWasSpace = true
        let needsWork = text.utf8.contains { byte in
            defer { previousWasSpace = byte == 0x20 }
            return byte == 0x20 ? previousWasSpace : byte == 0x09 || byte == 0x0A || byte == 0x0D || mayStartWhitespace(byte)
        } || text.utf8.last == 0x20
        guard needsWork else { return text }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether `byte` may begin the UTF-8 of a non-ASCII space (U+0085, U+00A0, U+1680, U+2000 to U+205F, U+3000):
    /// names are checked byte by byte, and only these need the slow path.
    private static func mayStartWhitespace(_ byte: UInt8) -> Bool {
        byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3
    }

    /// A name typed all in capitals (`LĪGA OZOLIŅA`) in the case a badge shows (`Līga Ozoliņa`).
    /// Names in mixed case, and scripts without case, are kept as typed.
    public static func displayCase(_ name: String) -> String {
        let letters = name.unicodeScalars.filter { $0.properties.isAlphabetic }
        let isAllCapitals = letters.count > 1 && letters.allSatisfy { !$0.properties.isLowercase }
            && letters.contains { $0.properties.isUppercase }
        guard isAllCapitals else { return name }
        return name.split(separator: " ", omittingEmptySubsequences: false).map { word in
            word.split(separator: "-", omittingEmptySubsequences: false).map { part in
                part.prefix(1).uppercased() + part.dropFirst().lowercased()
            }.joined(separator: "-")
        }.joined(separator: " ")
    }

    /// Whether every letter of `text` is Latin script.
    public static func isLatin(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { !$0.properties.isAlphabetic || Script.of($0) == .latin }
    }
}
