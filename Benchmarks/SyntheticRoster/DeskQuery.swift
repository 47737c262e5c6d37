/// What a desk types to find an arrival, and whom it is looking for when the query is meant to find one person.
public struct DeskQuery: Sendable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case prefix, wholeName, otherScript, typo, reference, email
    }

    public let kind: Kind
    public let text: String
    /// The delegate the query should list among its first ten (nil for a prefix, which finds many).
    public let expected: String?

    /// `count` queries over `delegates`, the kinds taking turns: the start of a family name (one to six letters),
    /// a whole name, a name typed in another script or without its diacritics, a name with one slip (a deletion in
    /// a five-letter name typed as four letters among them), a reference, the start of an email address.
    public static func mix(count: Int, over delegates: [SyntheticDelegate], seed: UInt64) -> [DeskQuery] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { index in
            let kind = Kind.allCases[index % Kind.allCases.count]
            var delegate = delegates.randomElement(using: &generator)!
            // A slip is looked for from four letters on: a shorter name with one is another name.
            while kind == .typo, delegate.family.latin.count < 4 { delegate = delegates.randomElement(using: &generator)! }
            let latin = delegate.family.latin.lowercased()
            switch kind {
            case .prefix:
                return DeskQuery(kind: kind, text: String(delegate.registeredFamily.prefix(1 + (index / 6) % 6)), expected: nil)
            case .wholeName:
                return DeskQuery(kind: kind, text: "\(delegate.registeredGiven) \(delegate.registeredFamily)", expected: delegate.reference)
            case .otherScript:
                let text =
                    !delegate.hasOtherScript
                    ? latin
                    : delegate.registeredInNativeScript ? String(latin.prefix(6)) : String(delegate.family.native.prefix(4))
                return DeskQuery(kind: kind, text: text, expected: delegate.reference)
            case .typo:
                return DeskQuery(kind: kind, text: slip(in: latin, using: &generator), expected: delegate.reference)
            case .reference:
                return DeskQuery(kind: kind, text: delegate.reference, expected: delegate.reference)
            case .email:
                return DeskQuery(kind: kind, text: String(delegate.email.prefix(10)), expected: delegate.reference)
            }
        }
    }

    /// `name` with one letter left out, doubled, swapped with the next or replaced; a five-letter name loses a letter,
    /// as a desk typing `jnes` for Jones does.
    static func slip(in name: String, using generator: inout SplitMix64) -> String {
        var letters = Array(name)
        guard letters.count >= 3 else { return name }
        let at = Int(generator.next() % UInt64(letters.count - 1))
        switch letters.count == 5 ? 0 : generator.next() % 4 {
        case 0: letters.remove(at: at)
        case 1: letters.insert(letters[at], at: at)
        case 2: letters.swapAt(at, at + 1)
        default: letters[at] = letters[at] == "a" ? "e" : "a"
        }
        return String(letters)
    }
}
