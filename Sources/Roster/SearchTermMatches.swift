/// The words of a ``SearchVocabulary`` that one typed word matches, with all its spellings, best kind of match
/// first: equal to a spelling, starting with one (name words before others), containing one (from three letters on), one typo away from the
/// primary spelling (when typos are allowed).
///
/// Kept as ranges and short lists rather than gathered: a letter or two (or the start of a booking reference)
/// matches a large part of the vocabulary, and search visits only as many words as its candidates need.
struct SearchTermMatches {
    private let vocabulary: SearchVocabulary
    private let spellings: [[UInt8]]
    private let prefixes: [Range<Int>]
    private let typos: [Int32]
    /// The documents the matched words appear in, counted once per word: more than the truth when a spelling's
    /// substring matches are estimated from the words sharing its rarest three-letter run.
    let estimatedDocuments: Int

    init(_ spellings: [String], in vocabulary: SearchVocabulary, allowingTypos: Bool) {
        self.vocabulary = vocabulary
        self.spellings = spellings.map { Array($0.utf8) }
        prefixes = self.spellings.map(vocabulary.wordsStarting(with:))
        if allowingTypos, let primary = self.spellings.first, primary.count >= 5 {
            typos = vocabulary.nameWordsOneTypoAway(from: primary)
        } else {
            typos = []
        }
        estimatedDocuments =
            prefixes.reduce(0) { $0 + vocabulary.documentCount(of: $1) }
            + self.spellings.filter { $0.count >= 3 }.reduce(0) { $0 + vocabulary.documentCount(of: vocabulary.wordsMaybeContaining($1)) }
            + vocabulary.documentCount(of: typos)
    }

    /// Calls `body` with each matched word once, best kind of match first, until it answers false.
    func forEachWord(_ body: (Int) -> Bool) {
        var seen = Set<Int>()
        func visit(_ word: Int) -> Bool { !seen.insert(word).inserted || body(word) }
        for (spelling, range) in zip(spellings, prefixes) where !range.isEmpty && vocabulary.word(range.lowerBound, is: spelling) {
            guard visit(range.lowerBound) else { return }
        }
        // Name words first: the start of a booking reference every delegate shares must not crowd them out.
        for range in prefixes {
            for word in range where vocabulary.isNameWord(word) { guard visit(word) else { return } }
        }
        for range in prefixes {
            for word in range where !vocabulary.isNameWord(word) { guard visit(word) else { return } }
        }
        for spelling in spellings where spelling.count >= 3 {
            for word in vocabulary.wordsMaybeContaining(spelling) where vocabulary.word(Int(word), contains: spelling) {
                guard visit(Int(word)) else { return }
            }
        }
        for word in typos { guard visit(Int(word)) else { return } }
    }
}
