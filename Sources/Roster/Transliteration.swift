/// The Latin spelling of a name written in another script, for the line under it on a badge.
public enum Transliteration {
    /// `name` in Latin letters, by the romanisation the delegate's country uses in passports (BGN/PCGN, UNGEGN),
    /// or ICU's general one. Latin names come back unchanged.
    public static func latin(_ name: String, country: String) -> String {
        guard !PersonName.isLatin(name) else { return name }
        let transform: String =
            switch (Script.dominant(in: name), country.uppercased()) {
            case (.cyrillic, "UA"): "Ukrainian-Latin/BGN"
            case (.cyrillic, "BY"): "Belarusian-Latin/BGN"
            case (.cyrillic, "RS"), (.cyrillic, "ME"), (.cyrillic, "BA"): "Serbian-Latin/BGN"
            case (.cyrillic, "MK"): "Macedonian-Latin/BGN"
            case (.cyrillic, "BG"): "Bulgarian-Latin/BGN"
            case (.cyrillic, _): "Russian-Latin/BGN"
            case (.greek, _): "Greek-Latin/UNGEGN"
            case (.armenian, _): "Armenian-Latin/BGN"
            case (.georgian, _): "Georgian-Latin/BGN"
            default: "Any-Latin"
            }
        // The same ICU library as search's folding (Debian's, not Foundation's own copy).
        let latin = TransliteratorPool.shared.withTransliterators { icu in
            let latin = icu.transliterate(name, with: transform) ?? name
            return PersonName.isLatin(latin) ? latin : icu.transliterate(latin, with: "Any-Latin") ?? latin
        }
        // Scripts without case (Georgian) come out in lower case: capitalise each word.
        return latin.split(separator: " ").map { word in
            word.first.map { $0.isLowercase ? $0.uppercased() + word.dropFirst() : String(word) } ?? ""
        }.joined(separator: " ")
    }
}
