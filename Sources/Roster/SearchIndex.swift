/// A roster's search held in memory: the desk's search as you type, over any number of delegates.
///
/// Each typed word is looked up in the ``SearchVocabulary``: words equal to it, then starting with it, then (from
/// three letters on) containing it. The typed word matching the fewest delegates gives the candidates, best
/// matches first and at most ``candidateLimit`` of them, and ``SearchRanker`` orders those, dropping any that some
/// other typed word does not match. Unless as many as asked for score as much as the start of a name word for every
/// typed word, name words one typo away are looked for too (from four letters on): a whole name one slip away ranks below the
/// starts of names and above a word merely holding what was typed.
///
/// Documents are lists of word numbers, so the index is a handful of flat arrays: built quickly
/// (``SearchIndexBuilder``), small in memory, and stored and loaded as bytes (``forEachSerializedPart(_:)``).
public struct SearchIndex: Sendable, Equatable {
    /// A matching document: the id it was indexed under, and its ``SearchRanker`` score.
    public struct Hit: Sendable, Equatable {
        public let id: Int64
        public let score: Int
        /// Where the index holds it.
        let document: UInt32
    }

    /// How many candidates are ranked at most: enough for every whole-word match of a common name.
    public static let candidateLimit = 500

    /// How many documents per hit asked for a query of one word of one or two letters samples: every name or
    /// reference holding it whole is gathered (up to ``candidateLimit``), but each word only starting with it gives
    /// just as many documents as are asked for, those first in the alphabet. Thousands of names start with so little
    /// and the desk is still typing: so one common given name cannot crowd out the family names after it in the
    /// alphabet, and ranking, which reads each candidate's words from memory far apart, stays short.
    static let shortWordCandidatesPerHit = 10

    /// The shortest typed word looked for with a typo: `jnes` finds Jones.
    static let shortestWithTypo = 4

    var ids: [Int64]
    /// Document `d`'s words are `documentWords[documentStarts[d]..<documentStarts[d + 1]]`, each a word number
    /// shifted left by two with its ``SearchField`` in the low bits.
    var documentStarts: [UInt32]
    var documentWords: [UInt32]
    /// Each document's reference (lower case) as a word number.
    var references: [UInt32]
    /// Each document's place when ordered by its first family name word, then its first given name word, then as
    /// indexed: ties in score are ordered by it with one integer comparison.
    var places: [UInt32]
    var vocabulary: SearchVocabulary

    /// Indexes `entries`, each under the id a hit reports.
    public init(_ entries: [(id: Int64, document: SearchDocument)]) {
        var builder = SearchIndexBuilder(capacity: entries.count)
        for entry in entries { builder.add(id: entry.id, entry.document) }
        self = builder.build()
    }

    init(
        ids: [Int64], documentStarts: [UInt32], documentWords: [UInt32], references: [UInt32], places: [UInt32],
        vocabulary: SearchVocabulary
    ) {
        self.ids = ids
        self.documentStarts = documentStarts
        self.documentWords = documentWords
        self.references = references
        self.places = places
        self.vocabulary = vocabulary
    }

    /// How many documents the index holds.
    public var count: Int { ids.count }

    /// The documents indexed under `wanted`, those it holds: by binary search when the ids ascend (a store indexes
    /// its delegates in the order of their ids), else by reading them all.
    func documents(of wanted: [Int64]) -> Set<UInt32> {
        guard !wanted.isEmpty else { return [] }
        guard zip(ids, ids.dropFirst()).allSatisfy({ $0 < $1 }) else {
            let wanted = Set(wanted)
            return Set(ids.indices.lazy.filter { wanted.contains(ids[$0]) }.map(UInt32.init))
        }
        return Set(
            wanted.compactMap { id in
                var low = 0, high = ids.count
                while low < high {
                    let middle = (low + high) / 2
                    if ids[middle] < id { low = middle + 1 } else { high = middle }
                }
                return low < ids.count && ids[low] == id ? UInt32(low) : nil
            })
    }

    /// The documents matching `query`, best first: by score, then family name, then given name. Unless `limit`
    /// documents score as much as a name start for every typed word, close spellings (one typo away) are looked for
    /// too and ranked among the others (``SearchRanker``): `schmit` offers Schmidt after Schmitt, and `sone` Stone
    /// before Carosone.
    public func search(_ query: SearchQuery, limit: Int) -> [Hit] {
        search(query, limit: limit, excluding: [])
    }

    /// The documents matching `query`, best first, as if the documents `excluded` were not indexed: they are never
    /// gathered, sampled or counted among the candidates (a typed word's estimate, which picks the narrowest, still
    /// counts them).
    func search(_ query: SearchQuery, limit: Int, excluding excluded: Set<UInt32>) -> [Hit] {
        guard !query.isEmpty, limit > 0 else { return [] }
        let candidates = { (matches: [SearchTermMatches]) in self.candidates(matches, limit: limit, excluding: excluded) }
        let matches = query.terms.map { SearchTermMatches($0, in: vocabulary) }
        let exact = rank(candidates(matches), matches)
        // Slips are looked for unless the list is full of delegates scoring at least as much as a name start for every
        // typed word (a whole name one slip away scores less than a start; with several words, a slip in one beside a
        // whole name in another can still outscore a list that skipped them, rarely).
        guard exact.count < limit || exact[limit - 1].score < SearchRanker.nameStart * matches.count else {
            return hits(exact, limit: limit)
        }
        // The words each typed word matches are kept, each at its own score: only its slips are looked for.
        let typos = matches.map { $0.allowingTypos() }
        guard typos.contains(where: { $0 != nil }) else { return hits(exact, limit: limit) }
        let withTypos = zip(matches, typos).map { $1 ?? $0 }
        // Slips may make another typed word the narrowest: the exact matches already found stay candidates.
        var gathered = candidates(withTypos)
        let known = Set(gathered)
        gathered += exact.map(\.document).filter { !known.contains($0) }
        return hits(rank(gathered, withTypos), limit: limit)
    }

    /// The first `limit` of `ranked` as hits.
    private func hits(_ ranked: [(document: UInt32, score: Int)], limit: Int) -> [Hit] {
        ranked.prefix(limit).map { Hit(id: ids[Int($0.document)], score: $0.score, document: $0.document) }
    }

    /// Whether document `a` comes before document `b` of `other` in the order ties in score are broken by: first
    /// family name word, then first given name word (a document without one first), compared as bytes, then id (as a
    /// store indexes its delegates).
    func precedes(_ a: UInt32, _ b: UInt32, of other: SearchIndex) -> Bool {
        let (familyA, givenA) = firstNameWords(a), (familyB, givenB) = other.firstNameWords(b)
        let family = compare(familyA, other, familyB)
        guard family == 0 else { return family < 0 }
        let given = compare(givenA, other, givenB)
        return given != 0 ? given < 0 : ids[Int(a)] < other.ids[Int(b)]
    }

    /// Document `document`'s first family name word and first given name word, when it has them.
    private func firstNameWords(_ document: UInt32) -> (family: Int?, given: Int?) {
        var family: Int?, given: Int?
        for tagged in documentWords[Int(documentStarts[Int(document)])..<Int(documentStarts[Int(document) + 1])] {
            let (word, field) = SearchField.untag(tagged)
            if field == .family, family == nil { family = word }
            if field == .given, given == nil { given = word }
        }
        return (family, given)
    }

    /// Word `a` of this vocabulary against word `b` of `other`'s, by their bytes: negative, zero or positive; a
    /// missing word first.
    private func compare(_ a: Int?, _ other: SearchIndex, _ b: Int?) -> Int {
        switch (a, b) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case (let a?, let b?):
            return vocabulary.withWord(a) { a in
                other.vocabulary.withWord(b) { b in a.lexicographicallyPrecedes(b) ? -1 : b.lexicographicallyPrecedes(a) ? 1 : 0 }
            }
        }
    }

    /// The documents of the typed word matching the fewest, in the order of its matched words, at most
    /// ``candidateLimit`` (a sample of those only starting with a word of one or two letters:
    /// ``shortWordCandidatesPerHit``). A query of one word stops once `limit` documents match it at the start of a
    /// name word, keeping only a reference typed in full after those: every other document would score below them (a
    /// whole word or a start in an organisation or email, a match inside a word, or a slip). The documents `excluded`
    /// are passed over as if seen already.
    private func candidates(_ matches: [SearchTermMatches], limit: Int, excluding excluded: Set<UInt32>) -> [UInt32] {
        guard let narrowest = matches.min(by: { $0.estimatedDocuments < $1.estimatedDocuments }), narrowest.estimatedDocuments > 0
        else { return [] }
        let isShort = matches.count == 1 && narrowest.primaryLength <= 2
        var documents: [UInt32] = []
        var seen = excluded
        var nameStarts = 0, sampled = 0
        let sampleBudget = min(limit, Self.candidateLimit) * Self.shortWordCandidatesPerHit
        narrowest.forEachWord { words, reach in
            let inName = reach == .nameWhole || reach == .nameStart
            if matches.count == 1, !inName, nameStarts >= limit {
                // Enough names: only a reference typed in full can still beat them, looked for among no more
                // documents holding the word than are ever ranked.
                guard reach == .wholeElsewhere else { return .stop }
                guard words.count <= Self.candidateLimit else { return .next }
                for document in words where narrowest.isExactly(Int(references[Int(document)])) && seen.insert(document).inserted {
                    documents.append(document)
                    if documents.count == Self.candidateLimit { return .stop }
                }
                return .next
            }
            // A short word's whole matches are all gathered (a family name `Ee`, a reference typed in full); each word
            // only starting with it gives a sample.
            let sample: ArraySlice<UInt32>
            if isShort, reach == .nameStart || reach == .elsewhere {
                guard sampled < sampleBudget else { return .nextReach }
                sample = ArraySlice(firstInAlphabet(words, count: limit, excluding: seen))
                sampled += sample.count
            } else {
                sample = words
            }
            for document in sample where seen.insert(document).inserted {
                documents.append(document)
                if inName { nameStarts += 1 }
                if documents.count == Self.candidateLimit { return .stop }
            }
            return .next
        }
        return documents
    }

    /// The `count` documents of `documents` not yet `seen` that come first in the alphabet (``places``), in that
    /// order.
    private func firstInAlphabet(_ documents: ArraySlice<UInt32>, count: Int, excluding seen: Set<UInt32>) -> [UInt32] {
        var first: [UInt32] = []
        for document in documents {
            let place = places[Int(document)]
            if first.count == count {
                guard place < places[Int(first[count - 1])], !seen.contains(document) else { continue }
                first.removeLast()
            } else {
                guard !seen.contains(document) else { continue }
            }
            first.insert(document, at: first.firstIndex { places[Int($0)] > place } ?? first.count)
        }
        return first
    }

    /// The candidates every typed word matches, best first, with their scores.
    private func rank(_ candidates: [UInt32], _ matches: [SearchTermMatches]) -> [(document: UInt32, score: Int)] {
        let ranker = SearchRanker(index: self)
        // The broadest typed word first: the candidates came from the narrowest, which nearly all of them match, so
        // one that another word does not match is dropped before the narrowest is scored.
        let broadestFirst = matches.sorted { $0.estimatedDocuments > $1.estimatedDocuments }
        let scored = candidates.compactMap { document -> (document: UInt32, score: Int)? in
            ranker.score(Int(document), broadestFirst).map { (document, $0) }
        }
        return scored.sorted { a, b in a.score != b.score ? a.score > b.score : places[Int(a.document)] < places[Int(b.document)] }
    }
}
