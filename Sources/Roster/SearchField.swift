/// Which of a delegate's searchable fields a word comes from: names count more than the rest, and only names are
/// matched with a typo.
enum SearchField: UInt32, Sendable {
    case family, given, other

    /// A word number tagged with its field, as ``SearchIndex`` keeps a document's words.
    static func tag(_ word: UInt32, _ field: SearchField) -> UInt32 { word << 2 | field.rawValue }

    /// The word number and the field of a tagged word.
    static func untag(_ tagged: UInt32) -> (word: Int, field: SearchField) {
        (Int(tagged >> 2), SearchField(rawValue: tagged & 3) ?? .other)
    }
}
