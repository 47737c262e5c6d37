/// A made-up name as written in its own script and in plain Latin letters (the same for a Latin-script name
/// without diacritics).
public struct SyntheticName: Sendable {
    public var native: String
    public var latin: String

    /// A name of `syllables` random syllables of `style`, with a family name's ending when `ending` is set.
    init(_ style: NamingStyle, syllables: Int, ending: Bool, using generator: inout SplitMix64) {
        var native = "", latin = ""
        func add(_ letter: NamingStyle.Letter) {
            native += letter.native
            latin += letter.latin
        }
        for _ in 0..<max(1, syllables) {
            if generator.next() % 100 < 85 { add(style.consonants.randomElement(using: &generator)!) }
            add(style.vowels.randomElement(using: &generator)!)
        }
        if ending {
            add(style.familyEndings.randomElement(using: &generator)!)
        } else if generator.next() % 100 < 35 {
            add(style.consonants.randomElement(using: &generator)!)
        }
        // A Greek word ends in final sigma.
        if native.hasSuffix("σ") { native = String(native.dropLast()) + "ς" }
        self.native = native.prefix(1).uppercased() + native.dropFirst()
        self.latin = latin.prefix(1).uppercased() + latin.dropFirst()
    }
}
