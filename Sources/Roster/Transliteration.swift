/// The Latin spelling of a name written in another script, for the line under it on a badge.
public enum Transliteration {
    /// `name` in Latin letters, by the romanisation the delegate's country uses in passports (BGN/PCGN, UNGEGN),
    /// or ICU's general one. Latin names come back unchanged.
    public static func latin(_ name: String, country: String) -> String {
        let script = Script.dominant(in: name)
        guard script != .latin else { return name }
        let transform = romanisation(for: script, country: country)
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

    /// Whether a badge spells `name` of `country` in Latin by a romanisation that search does not fold every name
    /// with (Belarusian, Serbian, Macedonian and Bulgarian Cyrillic): Bulgarian `Щерев` prints `Shterev`, which
    /// Russian and Ukrainian rules spell `Shcherev`. Search folds that spelling too, so that the desk finds what it
    /// reads on the badge.
    public static func hasOwnRomanisation(_ name: String, country: String) -> Bool {
        let script = Script.dominant(in: name)
        guard script != .latin else { return false }
        return !NameFolder.romanisations(for: script).contains(romanisation(for: script, country: country))
    }

    /// The ICU transform a passport of `country` romanises a name of `script` with.
    private static func romanisation(for script: Script, country: String) -> String {
        // Codes come in capitals from an import: upper-casing each costs a folding thousands of strings.
        switch (script, country.utf8.contains { 0x61...0x7A ~= $0 } ? country.uppercased() : country) {
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
    }
}
