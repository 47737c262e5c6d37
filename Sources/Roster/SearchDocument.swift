/// A delegate as search sees them: the folded spellings of their name and of their other searchable fields.
public struct SearchDocument: Sendable, Equatable {
    public let reference: String
    /// Folded spellings of the family name's words.
    public let familyWords: [String]
    /// Folded spellings of the given name's and the native-script name's words.
    public let givenWords: [String]
    /// Folded reference, email and organisation words.
    public let otherWords: [String]

    public init(reference: String, familyWords: [String], givenWords: [String], otherWords: [String]) {
        self.reference = reference
        self.familyWords = familyWords
        self.givenWords = givenWords
        self.otherWords = otherWords
    }

    /// Folds a delegate's searchable fields.
    public init(_ delegate: Delegate, folder: NameFolder) {
        self.reference = delegate.reference
        self.familyWords = folder.allSpellings(of: delegate.familyName)
        self.givenWords = folder.allSpellings(of: delegate.givenName + " " + (delegate.nativeName ?? ""))
        self.otherWords = folder.allSpellings(
            of: [delegate.reference, delegate.email, delegate.organisation].joined(separator: " "))
    }
}
