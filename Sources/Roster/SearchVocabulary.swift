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

    init(_ documents: [SearchDocument]) {
        var collected = Collected()
        for (ordinal, document) in documents.enumerated() {
            let ordinal = Int32(ordinal)
            for word in document.familyWords { collected.add(word, in: ordinal, isName: true) }
            for word in document.givenWords { collected.add(word, in: ordinal, isName: true) }
            for word in document.otherWords { collected.add(word, in: ordinal, isName: false) }
            collected.add(document.reference, in: ordinal, isName: false)
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

        mutating func add(_ word: String, in document: Int32, isName name: Bool) {
            guard let index = ordinals[word] else {
                let index = Int32(words.count)
                ordinals[word] = index
                words.append(word)
                isName.append(name)
                lastDocument.append(document)
                pairs.append((index, document))
                return
            }
            if lastDocument[Int(index)] != document {
                lastDocument[Int(index)] = document
                pairs.append((index, document))
            }
            if name { isName[Int(index)] = true }
        }
    }

    /// The words that are `term` or start with it, in order (the word equal to `term`, if any, first).
    func wordsStarting(with term: [UInt8]) -> Range<Int> {
        let first = lowerBound(term)
        var end = first
        while end < count, word(end).starts(with: term) { end += 1 }
        return first..<end
    }

    /// Whether word `index` is exactly `term`.
    func word(_ index: Int, is term: [UInt8]) -> Bool {
        word(index).elementsEqual(term)
    }

    /// The words containing `term` (three bytes or more) anywhere, ascending.
    func wordsContaining(_ term: [UInt8]) -> [Int32] {
        let keys = Self.trigramKeys(term)
        guard !keys.isEmpty else { return [] }
        var rarest: [Int32] = []
        for (position, key) in keys.enumerated() {
            guard let words = trigrams[key] else { return [] }
            if position == 0 || words.count < rarest.count { rarest = words }
        }
        return bytes.withUnsafeBufferPointer { all in
            term.withUnsafeBufferPointer { term in
                rarest.filter { ByteSearch.contains(term, in: Self.word(Int($0), in: all, starts: starts)) }
            }
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
