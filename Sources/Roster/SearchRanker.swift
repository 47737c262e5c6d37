/// Scores how well a delegate matches a query; higher is better, nil is no match.
///
/// Every typed word must match something. A word matching a whole name word beats one matching its start, which
/// beats one matching inside it, which beats a match with one typo (allowed from five letters on). Name matches
/// count more than organisation or email matches, and family names a little more than given names; a reference
/// typed in full beats everything.
public struct SearchRanker: Sendable {
    public init() {}

    /// The score of `document` for `query`, or nil when some word of the query matches nothing.
    public func score(_ query: SearchQuery, _ document: SearchDocument, allowingTypos: Bool = true) -> Int? {
        var total = 0
        for term in query.terms {
            let best = term.map { spelling in score(term: spelling, document, allowingTypos: allowingTypos) }.max() ?? 0
            guard best > 0 else { return nil }
            total += best
        }
        return total
    }

    private func score(term: String, _ document: SearchDocument, allowingTypos: Bool) -> Int {
        if term == document.reference { return 1000 }
        let family = bestMatch(term, in: document.familyWords, allowingTypos: allowingTypos)
        let given = bestMatch(term, in: document.givenWords, allowingTypos: allowingTypos)
        let other = bestMatch(term, in: document.otherWords, allowingTypos: false)
        return max(family.map { $0.nameScore + 5 } ?? 0, given.map(\.nameScore) ?? 0, other.map(\.otherScore) ?? 0)
    }

    private func bestMatch(_ term: String, in words: [String], allowingTypos: Bool) -> Match? {
        // On bytes: this runs for every word of every candidate, where String comparisons cost far more.
        var term = term
        return term.withUTF8 { term in
            var best: Match?
            for var word in words {
                let match = word.withUTF8 { word in Self.match(term, word, allowingTypos: allowingTypos) }
                if let match, match.rawValue > (best?.rawValue ?? 0) { best = match }
                if best == .exact { break }
            }
            return best
        }
    }

    private static func match(
        _ term: UnsafeBufferPointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>, allowingTypos: Bool
    ) -> Match? {
        if ByteSearch.starts(word, with: term) { return word.count == term.count ? .exact : .prefix }
        if ByteSearch.contains(term, in: word) { return .substring }
        if allowingTypos, EditDistance.isOneTypoAway(term, fromStartOf: word) { return .typo }
        return nil
    }

    private enum Match: Int {
        case typo = 1, substring, prefix, exact

        var nameScore: Int {
            switch self {
            case .exact: 100
            case .prefix: 70
            case .substring: 40
            case .typo: 20
            }
        }

        var otherScore: Int {
            switch self {
            case .exact: 30
            case .prefix: 20
            case .substring, .typo: 10
            }
        }
    }
}
