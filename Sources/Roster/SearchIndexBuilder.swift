/// Builds a ``SearchIndex`` from documents added one by one: each distinct word is kept once, numbered, and the
/// numbers are put in the words' byte order at the end, with every list the index needs made by counting rather
/// than by collecting arrays per word.
public struct SearchIndexBuilder {
    private var words: WordTable
    private var ids: [Int64] = []
    private var documentStarts: [UInt32] = [0]
    /// Tagged first-seen word numbers (``SearchField``), renumbered by ``build()``.
    private var documentWords: [UInt32] = []
    private var references: [UInt32] = []
    private var firstWords: [(family: UInt32, given: UInt32)] = []

    /// - Parameter capacity: How many documents are coming, to reserve room for.
    public init(capacity: Int) {
        ids.reserveCapacity(capacity)
        documentStarts.reserveCapacity(capacity + 1)
        references.reserveCapacity(capacity)
        firstWords.reserveCapacity(capacity)
        documentWords.reserveCapacity(capacity * 12)
        // A delegate brings a few spellings nobody else has (a reference `R-1234` three: `r-1234`, `r1234`, `1234`; an
        // email and its parts more): room for four each up front spares the table of words most of its growing
        // without reserving much more than a roster without emails fills.
        words = WordTable(capacity: capacity * 4)
    }

    /// Adds a document, indexed under `id`.
    public mutating func add(id: Int64, _ document: SearchDocument) {
        var (reference, family, given, other) = (document.reference, document.familyText, document.givenText, document.otherText)
        reference.withUTF8 { reference in
            family.withUTF8 { family in
                given.withUTF8 { given in
                    other.withUTF8 { other in add(id: id, reference: reference, familyText: family, givenText: given, otherText: other) }
                }
            }
        }
    }

    /// Adds a document from the UTF-8 of its folded fields, each field's words separated by spaces as a
    /// ``SearchDocument`` keeps them (and a store its columns), indexed under `id`; `reference` in lower case.
    public mutating func add(
        id: Int64, reference: UnsafeBufferPointer<UInt8>, familyText: UnsafeBufferPointer<UInt8>, givenText: UnsafeBufferPointer<UInt8>,
        otherText: UnsafeBufferPointer<UInt8>
    ) {
        ids.append(id)
        let family = addWords(familyText, as: .family), given = addWords(givenText, as: .given)
        _ = addWords(otherText, as: .other)
        references.append(words.number(of: reference))
        documentStarts.append(UInt32(documentWords.count))
        firstWords.append((family, given))
    }

    /// Numbers each word of `text` (words separated by spaces) and appends it to the document's words as a word of
    /// `field`; the first word's number, or `.max` when there is none.
    private mutating func addWords(_ text: UnsafeBufferPointer<UInt8>, as field: SearchField) -> UInt32 {
        var first = UInt32.max, start = 0
        for end in 0...text.count where end == text.count || text[end] == 0x20 {
            if end > start {
                let number = words.number(of: UnsafeBufferPointer(rebasing: text[start..<end]))
                if first == .max { first = number }
                documentWords.append(SearchField.tag(number, field))
            }
            start = end + 1
        }
        return first
    }

    /// The index of every document added. The postings are built on one core while the trigrams are counted and the
    /// alphabetical order made on the other; the trigrams' lists are placed after, once the postings' working arrays
    /// are gone, which would otherwise be alive beside them at the build's peak of memory.
    public consuming func build() -> SearchIndex {
        words.forgetLookups()
        // Kept in the index: no room to spare from the doublings of its growth.
        if documentWords.capacity > documentWords.count + documentWords.count / 8 { documentWords = Array(documentWords) }
        let (rank, sortedBytes, starts) = Self.sorted(words)
        words = WordTable(capacity: 0)
        // The documents' words numbered as sorted, in place (a copy would be megabytes more at the build's peak), and
        // which words are someone's name.
        var isNameWord = [Bool](repeating: false, count: rank.count)
        for index in documentWords.indices {
            let (word, field) = SearchField.untag(documentWords[index])
            documentWords[index] = SearchField.tag(rank[word], field)
            if field != .other { isNameWord[Int(rank[word])] = true }
        }
        let including: @Sendable (Int) -> Bool = { [sortedBytes, starts, isNameWord] place in
            // Inside a name, an organisation or a reference; an email address is found by its parts' starts instead
            // (its long unique spellings would be most of the index).
            isNameWord[place] || !sortedBytes[Int(starts[place])..<Int(starts[place + 1])].contains(0x40)
        }
        let ((postings, postingStarts, nameCounts), (counted, places)) = inParallel {
            [rank, documentWords = self.documentWords, documentStarts = self.documentStarts] in
            Self.postings(documentWords, documentStarts, words: rank.count)
        } _: { [sortedBytes, starts, rank, firstWords = self.firstWords] in
            (TrigramLists.count(sortedBytes, starts, including: including), Self.places(firstWords, rank))
        }
        let references = self.references.map { rank[Int($0)] }
        let trigrams = TrigramLists.place(counted, sortedBytes, starts, including: including)
        let vocabulary = SearchVocabulary(
            bytes: sortedBytes, starts: starts, postings: postings, postingStarts: postingStarts,
            nameDocumentCounts: nameCounts, trigramKeys: trigrams.keys, trigramStarts: trigrams.starts,
            trigramWords: trigrams.words)
        return SearchIndex(
            ids: ids, documentStarts: documentStarts, documentWords: documentWords, references: references, places: places,
            vocabulary: vocabulary)
    }

    /// Each word's place in byte order (by its first-seen number), and the words' bytes and starts in that order.
    private static func sorted(_ words: WordTable) -> (rank: [UInt32], bytes: [UInt8], starts: [UInt32]) {
        let order = sortedOrder(words)
        var rank = [UInt32](repeating: 0, count: words.count)
        for (place, word) in order.enumerated() { rank[Int(word)] = UInt32(place) }
        var bytes: [UInt8] = [], starts: [UInt32] = [0]
        bytes.reserveCapacity(words.bytes.count)
        starts.reserveCapacity(words.count + 1)
        for word in order {
            bytes += words.word(Int(word))
            starts.append(UInt32(bytes.count))
        }
        return (rank, bytes, starts)
    }

    /// Each document's place when ordered by its first family name word, then its first given name word (as `rank`
    /// orders words), then as added.
    private static func places(_ firstWords: [(family: UInt32, given: UInt32)], _ rank: [UInt32]) -> [UInt32] {
        let ranked = firstWords.map { ($0.family == .max ? 0 : rank[Int($0.family)] + 1, $0.given == .max ? 0 : rank[Int($0.given)] + 1) }
        var alphabetical = Array(0..<UInt32(firstWords.count))
        alphabetical.sort { a, b in (ranked[Int(a)].0, ranked[Int(a)].1, a) < (ranked[Int(b)].0, ranked[Int(b)].1, b) }
        var places = [UInt32](repeating: 0, count: firstWords.count)
        for (place, document) in alphabetical.enumerated() { places[Int(document)] = UInt32(place) }
        return places
    }

    /// Each word's documents, once each, as one flat list with its starts: first, ascending, those having it in a
    /// name (as many as the third list says), then, ascending, those having it elsewhere only. Counted, then placed.
    private static func postings(
        _ documentWords: [UInt32], _ documentStarts: [UInt32], words: Int
    ) -> (postings: [UInt32], starts: [UInt32], nameCounts: [UInt32]) {
        var inName = [UInt32](repeating: .max, count: words), seen = [UInt32](repeating: .max, count: words)
        /// Calls `body` with each word of each document once, and whether the document has it in a name.
        func eachWordOnce(_ body: (_ word: Int, _ document: UInt32, _ isName: Bool) -> Void) {
            for document in 0..<UInt32(documentStarts.count - 1) {
                let tagged = documentWords[Int(documentStarts[Int(document)])..<Int(documentStarts[Int(document) + 1])]
                for (word, field) in tagged.lazy.map(SearchField.untag) where field != .other { inName[word] = document }
                for (word, _) in tagged.lazy.map(SearchField.untag) where seen[word] != document {
                    seen[word] = document
                    body(word, document, inName[word] == document)
                }
            }
        }
        var nameCounts = [UInt32](repeating: 0, count: words), otherCounts = [UInt32](repeating: 0, count: words)
        eachWordOnce { word, _, isName in
            if isName { nameCounts[word] += 1 } else { otherCounts[word] += 1 }
        }
        var starts = [UInt32](repeating: 0, count: words + 1)
        for word in 0..<words { starts[word + 1] = starts[word] + nameCounts[word] + otherCounts[word] }
        // Where each word's next document goes, the counts' own arrays reused: this runs at the build's peak.
        var nextName = Array(starts.dropLast()), nextOther = consume otherCounts
        for word in 0..<words { nextOther[word] = starts[word] + nameCounts[word] }
        var postings = [UInt32](repeating: 0, count: Int(starts[words]))
        inName.withUnsafeMutableBufferPointer { $0.update(repeating: .max) }
        seen.withUnsafeMutableBufferPointer { $0.update(repeating: .max) }
        eachWordOnce { word, document, isName in
            if isName {
                postings[Int(nextName[word])] = document
                nextName[word] += 1
            } else {
                postings[Int(nextOther[word])] = document
                nextOther[word] += 1
            }
        }
        return (postings, starts, nameCounts)
    }

    /// The numbers of `words` in byte order: first by their first eight bytes as one integer, then by the rest.
    private static func sortedOrder(_ words: WordTable) -> [UInt32] {
        let (bytes, starts) = (words.bytes, words.starts)
        let keys = bytes.withUnsafeBufferPointer { all in
            (0..<words.count).map { SearchVocabulary.key(UnsafeBufferPointer(rebasing: all[Int(starts[$0])..<Int(starts[$0 + 1])])) }
        }
        let precedes: @Sendable (UInt32, UInt32) -> Bool = { a, b in
            if keys[Int(a)] != keys[Int(b)] { return keys[Int(a)] < keys[Int(b)] }
            return bytes.withUnsafeBufferPointer { all in
                SearchVocabulary.precedes(
                    UnsafeBufferPointer(rebasing: all[Int(starts[Int(a)])..<Int(starts[Int(a) + 1])]),
                    UnsafeBufferPointer(rebasing: all[Int(starts[Int(b)])..<Int(starts[Int(b) + 1])]))
            }
        }
        // Each half sorted on a core of its own, then the two merged.
        let half = UInt32(words.count / 2)
        let (low, high) = inParallel({ (0..<half).sorted(by: precedes) }, { (half..<UInt32(words.count)).sorted(by: precedes) })
        var order: [UInt32] = []
        order.reserveCapacity(words.count)
        var (i, j) = (0, 0)
        while i < low.count, j < high.count {
            if precedes(high[j], low[i]) {
                order.append(high[j])
                j += 1
            } else {
                order.append(low[i])
                i += 1
            }
        }
        order += low[i...]
        order += high[j...]
        return order
    }
}
