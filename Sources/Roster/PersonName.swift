import Foundation

/// Tidying of names as delegates typed them.
public enum PersonName {
    /// Collapses runs of whitespace and trims the ends: `"  Jean   Luc "` becomes `"Jean Luc"`.
    public static func collapsingWhitespace(_ text: String) -> String {
        var text = text
        let needsWork = text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            if first == 0x20 || last == 0x20 { return true }
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == 0x20 ? previous == 0x20 : (0x09...0x0D).contains(byte) || mayBeWhitespace(previous, byte) {
                    return true
                }
                previous = byte
            }
            return false
        }
        guard needsWork else { return text }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether two bytes in a row may begin the UTF-8 of a non-ASCII space (U+0085, U+00A0, U+1680, U+2000 to
    /// U+205F, U+3000): names are checked byte by byte, and only these need the slow path. Georgian letters, say,
    /// share U+1680's first byte but not its second.
    private static func mayBeWhitespace(_ first: UInt8, _ second: UInt8) -> Bool {
        switch (first, second) {
        case (0xC2, 0x85), (0xC2, 0xA0), (0xE1, 0x9A), (0xE2, 0x80), (0xE2, 0x81), (0xE3, 0x80): true
        default: false
        }
    }

    /// A name typed all in capitals (`LĪGA OZOLIŅA`) in the case a badge shows (`Līga Ozoliņa`), by the rules of
    /// the language of `country` (ISO alpha-2): Turkish and Azerbaijani dotless ı (`YILMAZ` → `Yılmaz`), particles
    /// in lower case after the first word (`SABINE VON GROSS-LÜDENSCHEIDT` → `Sabine von Gross-Lüdenscheidt`, except
    /// in Belgium, where `Van` and `De` keep their capital), `Mc` and `O'` with their capital (`McDonald`,
    /// `O'Brien`), and `Mac` too in names from the British Isles (`MacLeod`, while a Portuguese `Machado` stays).
    /// Names in mixed case, and scripts without case, are kept as typed.
    public static func displayCase(_ name: String, country: String = "") -> String {
        let letters = name.unicodeScalars.filter { $0.properties.isAlphabetic }
        let isAllCapitals =
            letters.count > 1 && letters.allSatisfy { !$0.properties.isLowercase }
            && letters.contains { $0.properties.isUppercase }
        guard isAllCapitals else { return name }
        let rules = CasingRules(country: country.uppercased())
        return name.split(separator: " ", omittingEmptySubsequences: false).enumerated().map { index, word in
            rules.word(String(word), isFirst: index == 0)
        }.joined(separator: " ")
    }

    /// Whether every letter of `text` is Latin script.
    public static func isLatin(_ text: String) -> Bool {
        Script.dominant(in: text) == .latin
    }

    /// How one country's names are re-cased.
    private struct CasingRules {
        let locale: Locale
        let keepsParticleCapitals: Bool
        let hasMacNames: Bool

        init(country: String) {
            locale = Locale(identifier: ["TR", "AZ"].contains(country) ? "tr" : country == "GR" || country == "CY" ? "el" : "en")
            keepsParticleCapitals = country == "BE"
            hasMacNames = ["GB", "IE", "IM", "JE", "GG"].contains(country)
        }

        static let particles: Set<String> = [
            "von", "van", "der", "den", "de", "da", "das", "di", "do", "dos", "du", "del", "della", "degli", "la", "le",
            "bin", "binti", "ibn", "ter", "ten", "zu", "y", "af", "al",
        ]

        /// British names that begin with `Mac` without being `Mac` names.
        static let notMacNames: Set<String> = ["Machin", "Machen", "Mackie", "Mackey", "Macey", "Mackay"]

        func word(_ word: String, isFirst: Bool) -> String {
            let lower = word.lowercased(with: locale)
            if !isFirst, Self.particles.contains(lower), !keepsParticleCapitals || !["van", "de", "der", "den"].contains(lower) {
                return lower
            }
            return word.split(separator: "-", omittingEmptySubsequences: false).map(part).joined(separator: "-")
        }

        /// One hyphen-separated part: its first letter kept as typed (a capital, so Turkish `I` stays `I`), the
        /// rest in lower case, with the capital after `Mc`, `Mac` and an apostrophe restored.
        private func part(_ part: Substring) -> String {
            guard let first = part.first else { return "" }
            var result = String(first) + String(part.dropFirst()).lowercased(with: locale)
            if let apostrophe = result.firstIndex(where: { $0 == "'" || $0 == "’" }),
                result.distance(from: result.startIndex, to: apostrophe) == 1,
                let next = result.index(apostrophe, offsetBy: 1, limitedBy: result.endIndex), next < result.endIndex
            {
                result.replaceSubrange(next...next, with: String(result[next]).uppercased(with: locale))
            }
            for prefix in hasMacNames ? ["Mac", "Mc"] : ["Mc"]
            where result.hasPrefix(prefix) && result.count > prefix.count + 2 && !Self.notMacNames.contains(result) {
                let next = result.index(result.startIndex, offsetBy: prefix.count)
                result.replaceSubrange(next...next, with: String(result[next]).uppercased(with: locale))
            }
            return result
        }
    }
}
