/// Every distinct folded word of a roster, sorted by bytes, with the documents each appears in: where search finds
/// the words a typed term matches, whole, at their start, inside them, or with one typo.
///
/// Flat arrays of integers and bytes throughout, so that it is built without a string per word and stored and
/// loaded as it is (``SearchIndex/forEachSerializedPart(_:)``).
struct SearchVocabulary: Sendable, Equatable {
    /// The words' UTF-8, one after another; word `i` is `bytes[starts[i]..<starts[i + 1]]`.
    let bytes: [UInt8]
    let starts: [UInt32]
    /// The documents (ordinals) of every word, one word after another; word `i`'s are
    /// `postings[postingStarts[i]..<postingStarts[i + 1]]`: first, ascending, the `nameDocumentCounts[i]` that have it
    /// in a name, then, ascending, those that have it elsewhere only (an organisation, email or reference).
    let postings: [UInt32]
    let postingStarts: [UInt32]
    let nameDocumentCounts: [UInt32]
    /// Every three-byte run of the words (email addresses aside), ascending, and for run `k` the words containing
    /// it, ascending:
    /// `trigramWords[trigramStarts[k]..<trigramStarts[k + 1]]`.
    let trigramKeys: [UInt32]
    let trigramStarts: [UInt32]
    let trigramWords: [UInt32]
    /// Each word's first eight bytes, big-endian, zero-padded: ascending as the words are, so that a binary search
    /// compares one integer per step rather than reading bytes far apart in memory (a zero byte, which folded words
    /// never hold, would read as a word's end). Made from the words, never stored.
    let keys: [UInt64]
    /// One bit per word, set for an email address's part holding its `@` that is in nobody's name: the words the
    /// trigram index leaves out. Made from the words, never stored.
    let unindexedEmailWords: [UInt64]

    init(
        bytes: [UInt8], starts: [UInt32], postings: [UInt32], postingStarts: [UInt32], nameDocumentCounts: [UInt32], trigramKeys: [UInt32],
        trigramStarts: [UInt32], trigramWords: [UInt32]
    ) {
        self.bytes = bytes
        self.starts = starts
        self.postings = postings
        self.postingStarts = postingStarts
        self.nameDocumentCounts = nameDocumentCounts
        self.trigramKeys = trigramKeys
        self.trigramStarts = trigramStarts
        self.trigramWords = trigramWords
        let count = max(starts.count - 1, 0)
        keys = bytes.withUnsafeBufferPointer { all in
            (0..<count).map { index in
                let start = Int(starts[index])
                return Self.key(UnsafeBufferPointer(rebasing: all[start..<min(start + 8, Int(starts[index + 1]))]))
            }
        }
        var unindexed = [UInt64](repeating: 0, count: (count + 63) / 64)
        for index in 0..<count where nameDocumentCounts[index] == 0 && bytes[Int(starts[index])..<Int(starts[index + 1])].contains(0x40) {
            unindexed[index / 64] |= 1 << UInt64(index % 64)
        }
        unindexedEmailWords = unindexed
    }

    var count: Int { starts.count - 1 }

    /// The documents word `index` appears in: those having it in a name first.
    func documents(of index: Int) -> ArraySlice<UInt32> {
        postings[Int(postingStarts[index])..<Int(postingStarts[index + 1])]
    }

    /// The documents having word `index` in a name, ascending.
    func nameDocuments(of index: Int) -> ArraySlice<UInt32> {
        let start = Int(postingStarts[index])
        return postings[start..<start + Int(nameDocumentCounts[index])]
    }

    /// The documents having word `index` only outside their names, ascending.
    func otherDocuments(of index: Int) -> ArraySlice<UInt32> {
        postings[Int(postingStarts[index]) + Int(nameDocumentCounts[index])..<Int(postingStarts[index + 1])]
    }

    /// How many documents the words in `range` appear in, counting a document once for each word.
    func documentCount(of range: Range<Int>) -> Int {
        Int(postingStarts[range.upperBound]) - Int(postingStarts[range.lowerBound])
    }

    /// How many documents `words` appear in, counting a document once for each word.
    func documentCount(of words: some Sequence<UInt32>) -> Int {
        words.reduce(0) { $0 + Int(postingStarts[Int($1) + 1]) - Int(postingStarts[Int($1)]) }
    }

    /// Whether word `index` is part of someone's name (rather than only of a reference, email or organisation).
    func isNameWord(_ index: Int) -> Bool {
        nameDocumentCounts[index] != 0
    }

    /// Calls `body` with word `index`'s bytes, in place.
    func withWord<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { all in body(UnsafeBufferPointer(rebasing: all[Int(starts[index])..<Int(starts[index + 1])])) }
    }

    /// The words that are `term` or start with it, in order (the word equal to `term`, if any, first): found by
    /// two binary searches over the words' ``keys``, however many there are, and two more over the bytes of those
    /// sharing its first eight; within `bounds` when every word starting with `term` is known to lie there.
    func wordsStarting(with term: UnsafeBufferPointer<UInt8>, in bounds: Range<Int>? = nil) -> Range<Int> {
        let bounds = bounds ?? 0..<count
        let head = UnsafeBufferPointer(rebasing: term.prefix(8))
        let lowest = Self.key(head)
        // The greatest key a word starting with the term's first eight bytes can have.
        let highest = head.count == 8 ? lowest : lowest | UInt64.max >> (8 * head.count)
        let sharingHead = keys.withUnsafeBufferPointer { keys in
            var low = bounds.lowerBound, high = bounds.upperBound
            while low < high {
                let middle = (low + high) / 2
                if keys[middle] < lowest { low = middle + 1 } else { high = middle }
            }
            let first = low
            high = bounds.upperBound
            while low < high {
                let middle = (low + high) / 2
                if keys[middle] <= highest { low = middle + 1 } else { high = middle }
            }
            return first..<low
        }
        guard term.count > 8, !sharingHead.isEmpty else { return sharingHead }
        return bytes.withUnsafeBufferPointer { all in
            func word(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: all[Int(starts[index])..<Int(starts[index + 1])])
            }
            var low = sharingHead.lowerBound, high = sharingHead.upperBound
            while low < high {
                let middle = (low + high) / 2
                if Self.precedes(word(middle), term) { low = middle + 1 } else { high = middle }
            }
            let first = low
            high = sharingHead.upperBound
            while low < high {
                let middle = (low + high) / 2
                if ByteSearch.starts(word(middle), with: term) { low = middle + 1 } else { high = middle }
            }
            return first..<low
        }
    }

    /// Whether word `index` is left out of the trigram index (an email address's part holding its `@`), so that
    /// ``wordsMaybeContaining(_:)`` never lists it.
    func isLeftOutOfTrigrams(_ index: Int) -> Bool {
        unindexedEmailWords[index / 64] & (1 << UInt64(index % 64)) != 0
    }

    /// The words that may contain `term` (three bytes or more), ascending: those with its rarest three-byte run,
    /// every word containing it among them.
    func wordsMaybeContaining(_ term: UnsafeBufferPointer<UInt8>) -> ArraySlice<UInt32> {
        guard term.count >= 3 else { return [] }
        var rarest: ArraySlice<UInt32>?
        for start in 0...(term.count - 3) {
            let key = Self.trigramKey(term[start], term[start + 1], term[start + 2])
            guard let words = words(withTrigram: key) else { return [] }
            if words.count < rarest?.count ?? .max { rarest = words }
        }
        return rarest ?? []
    }

    /// The words whose start is one typo away from `term`, as ascending ranges that do not overlap (the name words
    /// among them are the matches): the words starting with one of the spellings one edit away from it (a letter
    /// left out, added, changed, or two swapped; what is left at least ``SearchIndex/shortestWithTypo`` letters
    /// long), each found by binary search within the words sharing the letters before the edit; a letter is only
    /// ever changed or added to one that some word has at that place. Ranges rather than words: a short term's
    /// slips start thousands of words, and a search visits only as many as it needs. With them, `whole`: the words
    /// that are themselves one edit away (Stone for `sone`, not Jones), ascending, other than those starting with
    /// `term`.
    func wordsOneTypoAway(from term: [UInt8]) -> (starts: [Range<Int>], whole: [Int]) {
        guard !term.isEmpty else { return ([], []) }
        var ranges: [Range<Int>] = []
        var whole: [Int] = []
        var variant: [UInt8] = []
        variant.reserveCapacity(term.count + 1)
        term.withUnsafeBufferPointer { term in
            // Every word starting with the term's first `k` letters lies in `sharing[k]`.
            var sharing = [0..<count]
            for k in 1...term.count { sharing.append(wordsStarting(with: UnsafeBufferPointer(rebasing: term[0..<k]), in: sharing[k - 1])) }
            func lookUp(within bounds: Range<Int>, _ edit: (inout [UInt8]) -> Void) {
                variant.removeAll(keepingCapacity: true)
                variant.append(contentsOf: term)
                edit(&variant)
                let range = variant.withUnsafeBufferPointer { wordsStarting(with: $0, in: bounds) }
                guard !range.isEmpty else { return }
                ranges.append(range)
                // The variant itself sorts first among the words starting with it.
                if withWord(range.lowerBound, { $0.count }) == variant.count { whole.append(range.lowerBound) }
            }
            for at in 0..<term.count {
                // A letter left out never leaves fewer than four: `jnes` is a slip of Jones, not of every `jes…`.
                if term.count > SearchIndex.shortestWithTypo { lookUp(within: sharing[at]) { $0.remove(at: at) } }
                if at + 1 < term.count { lookUp(within: sharing[at]) { $0.swapAt(at, at + 1) } }
                forEachNextLetter(at: at, within: sharing[at]) { letter, group in
                    if letter != term[at] { lookUp(within: group) { $0[at] = letter } }
                    lookUp(within: group) { $0.insert(letter, at: at) }
                }
            }
            // A letter added at the end: every longer word starting with the term.
            ranges.append(sharing[term.count])
            whole.removeAll { sharing[term.count].contains($0) }
        }
        var merged: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return (merged, Array(Set(whole)).sorted())
    }

    /// Calls `body` with each letter (byte) the words in `range`, which all share their first `length` bytes, have
    /// next, and the words having it: sorted words put each letter's together.
    private func forEachNextLetter(at length: Int, within range: Range<Int>, _ body: (UInt8, Range<Int>) -> Void) {
        var groups: [(UInt8, Range<Int>)] = []
        bytes.withUnsafeBufferPointer { all in
            keys.withUnsafeBufferPointer { keys in
                // The letter at `length` of word `index` (0 past its end), from its key while that holds it.
                func letter(_ index: Int) -> UInt8 {
                    if length < 8 { return UInt8(truncatingIfNeeded: keys[index] >> (56 - 8 * length)) }
                    let at = Int(starts[index]) + length
                    return at < Int(starts[index + 1]) ? all[at] : 0
                }
                var first = range.lowerBound
                while first < range.upperBound {
                    let next = letter(first)
                    guard next != 0 else {
                        // The word that is the shared start itself, first of all.
                        first += 1
                        continue
                    }
                    var low = first + 1, high = range.upperBound
                    while low < high {
                        let middle = (low + high) / 2
                        if letter(middle) <= next { low = middle + 1 } else { high = middle }
                    }
                    groups.append((next, first..<low))
                    first = low
                }
            }
        }
        for (letter, group) in groups { body(letter, group) }
    }

    private func words(withTrigram key: UInt32) -> ArraySlice<UInt32>? {
        var low = 0, high = trigramKeys.count
        while low < high {
            let middle = (low + high) / 2
            if trigramKeys[middle] < key { low = middle + 1 } else { high = middle }
        }
        guard low < trigramKeys.count, trigramKeys[low] == key else { return nil }
        return trigramWords[Int(trigramStarts[low])..<Int(trigramStarts[low + 1])]
    }

    static func trigramKey(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt32 {
        UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)
    }

    /// Byte order, as the words are sorted.
    static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 0..<min(a.count, b.count) where a[i] != b[i] { return a[i] < b[i] }
        return a.count < b.count
    }

    /// The first eight bytes of `word` (or all of a shorter one) as a big-endian integer, zero-padded.
    static func key(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        for (offset, byte) in word.prefix(8).enumerated() { key |= UInt64(byte) << (56 - 8 * offset) }
        return key
    }
}
