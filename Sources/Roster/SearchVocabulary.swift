/// Every distinct folded word of a roster, sorted, with the documents each appears in: where search finds the
/// words a typed term matches, whole, at their start, inside them, or with one typo.
struct SearchVocabulary: Sendable {
    /// The words' UTF-8, one after another; word `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    /// The documents (ordinals, ascending) of every word, one word after another; word `i`'s are
    /// `postings[postingStarts[i]..<postingStarts[i + 1]]`. Flat, because a roster has as many words as delegates.
    private let postings: [Int32]
    private let postingStarts: [Int]
    /// Words that are part of a name: only these are looked through for typos.
    private let isNameWord: [Bool]
    /// For each three-byte run, the words containing it, ascending.
    private let trigrams: [UInt32: [Int32]]
    /// Each document's place when ordered by its first family name word, then its first given name word, then as
    /// indexed: ties in score are ordered by it with one integer comparison rather than two of strings.
    let alphabeticalPlaces: [Int32]

    init(_ documents: [SearchDocument]) {
        var collected = Collected()
        var firstWords: [(family: Int32, given: Int32)] = []
        firstWords.reserveCapacity(documents.count)
        for (ordinal, document) in documents.enumerated() {
            let ordinal = Int32(ordinal)
            let family = document.familyWords.map { collected.add($0, in: ordinal, isName: true) }
            let given = document.givenWords.map { collected.add($0, in: ordinal, isName: true) }
            for word in document.otherWords { collected.add(word, in: ordinal, isName: false) }
            collected.add(document.reference, in: ordinal, isName: false)
            firstWords.append((family.first ?? -1, given.first ?? -1))
        }
        let utf8 = collected.words.map { Array($0.utf8) }
        let order = utf8.indices.sorted { Self.precedes(utf8[$0], utf8[$1]) }
        var sortedIndex = [Int](repeating: 0, count: order.count)
        var bytes: [UInt8] = [], starts: [Int] = [0]
        var trigrams: [UInt32: [Int32]] = [:]
        for (sorted, original) in order.enumerated() {
            sortedIndex[original] = sorted
            let word = utf8[original]
            bytes += word
            starts.append(bytes.count)
            for key in Self.trigramKeys(word) where trigrams[key]?.last != Int32(sorted) {
                trigrams[key, default: []].append(Int32(sorted))
            }
        }
        // Postings in sorted word order: count, then place each (word, document) pair, documents staying ascending.
        var postingStarts = [Int](repeating: 0, count: order.count + 1)
        for pair in collected.pairs { postingStarts[sortedIndex[Int(pair.word)] + 1] += 1 }
        for index in 0..<order.count { postingStarts[index + 1] += postingStarts[index] }
        var next = postingStarts
        var postings = [Int32](repeating: 0, count: collected.pairs.count)
        for pair in collected.pairs {
            let word = sortedIndex[Int(pair.word)]
            postings[next[word]] = pair.document
            next[word] += 1
        }
        self.bytes = bytes
        self.starts = starts
        self.postings = postings
        self.postingStarts = postingStarts
        self.isNameWord = order.map { collected.isName[$0] }
        self.trigrams = trigrams
        alphabeticalPlaces = Self.places(
            of: firstWords.map { ($0.family < 0 ? -1 : sortedIndex[Int($0.family)], $0.given < 0 ? -1 : sortedIndex[Int($0.given)]) })
    }

    /// Each document's place in the order of its (family, given) word positions, then of its ordinal.
    private static func places(of keys: [(family: Int, given: Int)]) -> [Int32] {
        let order = keys.indices.sorted { a, b in (keys[a].family, keys[a].given, a) < (keys[b].family, keys[b].given, b) }
        var places = [Int32](repeating: 0, count: keys.count)
        for (place, ordinal) in order.enumerated() { places[ordinal] = Int32(place) }
        return places
    }

    var count: Int { starts.count - 1 }

    /// The documents word `index` appears in, ascending.
    func documents(of index: Int) -> ArraySlice<Int32> {
        postings[postingStarts[index]..<postingStarts[index + 1]]
    }

    /// Words in the order first seen, and a (word, document) pair for each time a word is first seen in a document.
    private struct Collected {
        var ordinals: [String: Int32] = [:]
        var words: [String] = []
        var isName: [Bool] = []
        var lastDocument: [Int32] = []
        var pairs: [(word: Int32, document: Int32)] = []

        /// Adds `word` as seen in `document`, and answers its index in ``words``.
        @discardableResult
        mutating func add(_ word: String, in document: Int32, isName name: Bool) -> Int32 {
            guard let index = ordinals[word] else {
                let index = Int32(words.count)
                ordinals[word] = index
                words.append(word)
                isName.append(name)
                lastDocument.append(document)
                pairs.append((index, document))
                return index
            }
            if lastDocument[Int(index)] != document {
                lastDocument[Int(index)] = document
                pairs.append((index, document))
            }
            if name { isName[Int(index)] = true }
            return index
        }
    }

    /// How many documents the words in `range` appear in, counting a document once for each word.
    func documentCount(of range: Range<Int>) -> Int {
        postingStarts[range.upperBound] - postingStarts[range.lowerBound]
    }

    /// How many documents `words` appear in, counting a document once for each word.
    func documentCount(of words: [Int32]) -> Int {
        words.reduce(0) { $0 + postingStarts[Int($1) + 1] - postingStarts[Int($1)] }
    }

    /// The words that are `term` or start with it, in order (the word equal to `term`, if any, first): found by
    /// two binary searches, however many there are.
    func wordsStarting(with term: [UInt8]) -> Range<Int> {
        let first = lowerBound(term)
        var low = first, high = count
        while low < high {
            let middle = (low + high) / 2
            if word(middle).starts(with: term) { low = middle + 1 } else { high = middle }
        }
        return first..<low
    }

    /// Whether word `index` is part of someone's name (rather than only of a reference, email or organisation).
    func isNameWord(_ index: Int) -> Bool {
        isNameWord[index]
    }

    /// Whether word `index` is exactly `term`.
    func word(_ index: Int, is term: [UInt8]) -> Bool {
        word(index).elementsEqual(term)
    }

    /// The words that may contain `term` (three bytes or more), ascending: those with its rarest three-byte run,
    /// every word containing it among them. ``word(_:contains:)`` tells which do.
    func wordsMaybeContaining(_ term: [UInt8]) -> [Int32] {
        let keys = Self.trigramKeys(term)
        guard !keys.isEmpty else { return [] }
        var rarest: [Int32] = []
        for (position, key) in keys.enumerated() {
            guard let words = trigrams[key] else { return [] }
            if position == 0 || words.count < rarest.count { rarest = words }
        }
        return rarest
    }

    /// Whether word `index` contains `term` anywhere.
    func word(_ index: Int, contains term: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { all in
            term.withUnsafeBufferPointer { term in ByteSearch.contains(term, in: Self.word(index, in: all, starts: starts)) }
        }
    }

    /// The name words whose start is one typo away from `term`.
    func nameWordsOneTypoAway(from term: [UInt8]) -> [Int32] {
        bytes.withUnsafeBufferPointer { all in
            term.withUnsafeBufferPointer { term in
                (0..<count).compactMap { index in
                    guard isNameWord[index], starts[index + 1] - starts[index] >= term.count - 1 else { return nil }
                    let word = Self.word(index, in: all, starts: starts)
                    return EditDistance.isOneTypoAway(term, fromStartOf: word) ? Int32(index) : nil
                }
            }
        }
    }

    private func word(_ index: Int) -> ArraySlice<UInt8> {
        bytes[starts[index]..<starts[index + 1]]
    }

    /// The first word not ordered before `term`.
    private func lowerBound(_ term: [UInt8]) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if word(middle).lexicographicallyPrecedes(term) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Byte order, as ``lowerBound(_:)`` searches.
    private static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                for i in 0..<min(a.count, b.count) where a[i] != b[i] { return a[i] < b[i] }
                return a.count < b.count
            }
        }
    }

    private static func trigramKeys(_ word: [UInt8]) -> [UInt32] {
        guard word.count >= 3 else { return [] }
        return (0...(word.count - 3)).map { UInt32(word[$0]) << 16 | UInt32(word[$0 + 1]) << 8 | UInt32(word[$0 + 2]) }
    }

    /// Word `index` in the vocabulary's bytes, in place.
    private static func word(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>, starts: [Int]) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[starts[index]..<starts[index + 1]])
    }
}
