/// A delegate as search sees them: the folded spellings of their name and of their other searchable fields.
public struct SearchDocument: Sendable, Equatable {
    /// The reference in lower case.
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
        self.init(
            reference: delegate.reference, familyName: delegate.familyName, givenName: delegate.givenName,
            fullName: delegate.fullName, nativeName: delegate.nativeName, email: delegate.email,
            organisation: delegate.organisation, folder: folder)
    }

    /// Folds the searchable fields of a delegate as registered. Every word of a full name given in one piece
    /// counts as a family name: which word is which is not known.
    public init(
        reference: String, familyName: String, givenName: String, fullName: String? = nil, nativeName: String?,
        email: String, organisation: String, folder: NameFolder
    ) {
        self.reference = reference.lowercased()
        self.familyWords = folder.allSpellings(of: familyName, fullName ?? "")
        self.givenWords = folder.allSpellings(of: givenName, nativeName ?? "")
        self.otherWords = folder.allSpellings(of: reference, email, organisation)
    }
}
