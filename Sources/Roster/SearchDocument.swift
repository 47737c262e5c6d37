/// A delegate as search sees them: the folded spellings of their name and of their other searchable fields.
///
/// Each field's spellings are kept as the store keeps them, separated by spaces, and joined where they were folded:
/// an import folds on every core while one thread writes.
public struct SearchDocument: Sendable, Equatable {
    /// The reference in lower case.
    public let reference: String
    /// Folded spellings of the family name's words, separated by spaces.
    public let familyText: String
    /// Folded spellings of the given name's and the native-script name's words, separated by spaces.
    public let givenText: String
    /// Folded reference, email and organisation words, separated by spaces.
    public let otherText: String

    public init(reference: String, familyWords: [String], givenWords: [String], otherWords: [String]) {
        self.reference = reference
        self.familyText = Self.spaced(familyWords)
        self.givenText = Self.spaced(givenWords)
        self.otherText = Self.spaced(otherWords)
    }

    /// `words` separated by spaces, as `joined(separator: " ")` gives them, copied byte by byte: the standard
    /// library's `joined` costs several times more, and an import joins three lists per delegate.
    private static func spaced(_ words: [String]) -> String {
        let count = words.reduce(max(words.count - 1, 0)) { $0 + $1.utf8.count }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            for (index, var word) in words.enumerated() {
                if index > 0 {
                    buffer[offset] = 0x20
                    offset += 1
                }
                word.withUTF8 { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[offset..<offset + bytes.count]).initialize(from: bytes)
                    offset += bytes.count
                }
            }
            return offset
        }
    }

    /// Folds a delegate's searchable fields.
    public init(_ delegate: Delegate, folder: NameFolder) {
        self.init(
            reference: delegate.reference, familyName: delegate.familyName, givenName: delegate.givenName,
            fullName: delegate.fullName, nativeName: delegate.nativeName, email: delegate.email,
            organisation: delegate.organisation, country: delegate.country, folder: folder)
    }

    /// Folds the searchable fields of a delegate as registered. Every word of a full name given in one piece
    /// counts as a family name: which word is which is not known. A name that a badge spells in Latin by its
    /// `country`'s own romanisation is folded in that spelling too (``Transliteration/hasOwnRomanisation(_:country:)``).
    public init(
        reference: String, familyName: String, givenName: String, fullName: String? = nil, nativeName: String?,
        email: String, organisation: String, country: String, folder: NameFolder
    ) {
        func badgeSpelling(_ name: String) -> String {
            Transliteration.hasOwnRomanisation(name, country: country) ? Transliteration.latin(name, country: country) : ""
        }
        self.init(
            reference: reference.lowercased(),
            familyWords: folder.allSpellings(of: familyName, fullName ?? "", badgeSpelling(familyName), badgeSpelling(fullName ?? "")),
            givenWords: folder.allSpellings(of: givenName, nativeName ?? "", badgeSpelling(givenName)),
            otherWords: folder.allSpellings(of: reference, email, organisation))
    }
}
