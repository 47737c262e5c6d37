/// What a desk typed, folded into the spellings search compares.
public struct SearchQuery: Sendable, Equatable {
    /// The text as typed.
    public let text: String
    /// One entry per typed word: its spellings, primary first.
    public let terms: [[String]]

    /// - Parameters:
    ///   - text: A few letters of a name in any script, a reference, an email or an organisation.
    ///   - folder: The folder that also folded the roster.
    public init(_ text: String, folder: NameFolder) {
        self.text = text
        self.terms = folder.words(of: text)
    }

    /// Whether the query has nothing to search for.
    public var isEmpty: Bool { terms.isEmpty }

    /// The term whose primary spelling is longest: the most selective one to look up first.
    public var mostSelectiveTerm: [String]? { terms.max { $0[0].count < $1[0].count } }
}
