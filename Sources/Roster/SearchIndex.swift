/// A roster's search documents held in memory: the desk's search as you type, over any number of delegates.
///
/// Each typed word is looked up in the ``SearchVocabulary``: words equal to it, then starting with it, then (from
/// three letters on) containing it. The typed word matching the fewest delegates gives the candidates, best
/// matches first and at most ``candidateLimit`` of them, and ``SearchRanker`` orders those, dropping any that some
/// other typed word does not match. When fewer than asked for match exactly, name words one typo away are looked
/// for too, and ranked below the exact matches.
public struct SearchIndex: Sendable {
    /// A matching document: the id it was indexed under, and its ``SearchRanker`` score.
    public struct Hit: Sendable, Equatable {
        public let id: Int64
        public let score: Int
    }

    /// How many candidates are ranked at most: enough for every whole-word match of a common name.
    public static let candidateLimit = 500

    private let ids: [Int64]
    private let documents: [SearchDocument]
    private let vocabulary: SearchVocabulary

    /// Indexes `entries`, each under the id a hit reports.
    public init(_ entries: [(id: Int64, document: SearchDocument)]) {
        ids = entries.map(\.id)
        documents = entries.map(\.document)
        vocabulary = SearchVocabulary(documents)
    }

    /// How many documents the index holds.
    public var count: Int { documents.count }

    /// The documents matching `query`, best first: by score, then family name, then given name. When the exact
    /// matches are fewer than `limit`, close spellings (one typo away) follow them, so that `schmit` offers Schmidt
    /// after Schmitt.
    public func search(_ query: SearchQuery, limit: Int) -> [Hit] {
        guard !query.isEmpty, limit > 0 else { return [] }
        let matches = query.terms.map { SearchTermMatches($0, in: vocabulary, allowingTypos: false) }
        let hits = rank(candidates(matches), query, allowingTypos: false)
        if hits.count >= limit || !query.terms.contains(where: { $0[0].utf8.count >= 5 }) {
            return Array(hits.prefix(limit))
        }
        // Allowing typos keeps every exact match at its own score, above any match with a typo.
        let withTypos = query.terms.map { SearchTermMatches($0, in: vocabulary, allowingTypos: true) }
        return Array(rank(candidates(withTypos), query, allowingTypos: true).prefix(limit))
    }

    /// The documents of the typed word matching the fewest, in the order of its matched words, at most
    /// ``candidateLimit``.
    private func candidates(_ matches: [SearchTermMatches]) -> [Int32] {
        guard let narrowest = matches.min(by: { $0.estimatedDocuments < $1.estimatedDocuments }), narrowest.estimatedDocuments > 0
        else { return [] }
        var documents: [Int32] = []
        var seen = Set<Int32>()
        narrowest.forEachWord { word in
            for document in vocabulary.documents(of: word) where seen.insert(document).inserted {
                documents.append(document)
                if documents.count == Self.candidateLimit { return false }
            }
            return true
        }
        return documents
    }

    private func rank(_ candidates: [Int32], _ query: SearchQuery, allowingTypos: Bool) -> [Hit] {
        let ranker = SearchRanker()
        let scored = candidates.compactMap { ordinal -> (ordinal: Int, score: Int, place: Int32)? in
            ranker.score(query, documents[Int(ordinal)], allowingTypos: allowingTypos).map {
                (Int(ordinal), $0, vocabulary.alphabeticalPlaces[Int(ordinal)])
            }
        }
        return scored.sorted { a, b in a.score != b.score ? a.score > b.score : a.place < b.place }
            .map { Hit(id: ids[$0.ordinal], score: $0.score) }
    }

}
