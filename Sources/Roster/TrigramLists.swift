/// Builds a ``SearchVocabulary``'s trigram index: for each three-byte run of its words, ascending, the words
/// containing it, ascending.
///
/// Counted in one pass over the words and placed in a second, each run found in a small open-addressing table (a
/// roster's words have some thousands of distinct runs and millions of occurrences): nothing is kept per occurrence
/// between the passes.
enum TrigramLists {
    /// The first pass: each distinct run, numbered as first seen, and how many words hold it.
    struct Counted: Sendable {
        fileprivate let table: Table
        fileprivate let counts: [UInt32]
    }

    /// Counts the runs of the sorted words `bytes` (word `i` is `bytes[starts[i]..<starts[i + 1]]`) that `including`
    /// accepts: little memory, so that it can run beside other work.
    static func count(_ bytes: [UInt8], _ starts: [UInt32], including: (Int) -> Bool) -> Counted {
        var table = Table()
        var counts: [UInt32] = [], lastWord: [UInt32] = []
        forEachRun(bytes, starts, including) { key, word in
            let slot = table.slot(of: key)
            if slot == counts.count {
                counts.append(0)
                lastWord.append(.max)
            }
            guard lastWord[slot] != word else { return }
            lastWord[slot] = word
            counts[slot] += 1
        }
        return Counted(table: table, counts: counts)
    }

    /// The trigram index of the words `counted` counted (the same `bytes`, `starts` and `including`): for each run,
    /// ascending, the words containing it, ascending.
    static func place(
        _ counted: Counted, _ bytes: [UInt8], _ starts: [UInt32], including: (Int) -> Bool
    ) -> (keys: [UInt32], starts: [UInt32], words: [UInt32]) {
        var table = counted.table
        let counts = counted.counts
        let slotsByKey = table.keys.indices.sorted { table.keys[$0] < table.keys[$1] }
        var next = [UInt32](repeating: 0, count: counts.count)
        var keyStarts: [UInt32] = [0]
        keyStarts.reserveCapacity(counts.count + 1)
        for slot in slotsByKey {
            next[slot] = keyStarts[keyStarts.count - 1]
            keyStarts.append(next[slot] + counts[slot])
        }
        var words = [UInt32](repeating: 0, count: Int(keyStarts[keyStarts.count - 1]))
        var lastWord = [UInt32](repeating: .max, count: counts.count)
        forEachRun(bytes, starts, including) { key, word in
            let slot = table.slot(of: key)
            guard lastWord[slot] != word else { return }
            lastWord[slot] = word
            words[Int(next[slot])] = word
            next[slot] += 1
        }
        return (slotsByKey.map { table.keys[$0] }, keyStarts, words)
    }

    /// Calls `body` with each three-byte run of each word `including` accepts, and the word, words in order.
    private static func forEachRun(
        _ bytes: [UInt8], _ starts: [UInt32], _ including: (Int) -> Bool, _ body: (_ key: UInt32, _ word: UInt32) -> Void
    ) {
        bytes.withUnsafeBufferPointer { bytes in
            for word in 0..<(starts.count - 1) {
                let from = Int(starts[word]), to = Int(starts[word + 1])
                guard to - from >= 3, including(word) else { continue }
                for at in from...(to - 3) { body(SearchVocabulary.trigramKey(bytes[at], bytes[at + 1], bytes[at + 2]), UInt32(word)) }
            }
        }
    }

    /// Numbers distinct runs in the order first seen: an open-addressing table, at most half full.
    fileprivate struct Table: Sendable {
        /// Run `n`'s key.
        private(set) var keys: [UInt32] = []
        /// Per slot: the key's number plus one; 0 for an empty slot.
        private var slots = [UInt32](repeating: 0, count: 1 << 14)

        /// The number of `key`, given the next number when it is new.
        mutating func slot(of key: UInt32) -> Int {
            let mask = slots.count - 1
            var index = Self.hash(key) & mask
            while slots[index] != 0 {
                let number = Int(slots[index]) - 1
                if keys[number] == key { return number }
                index = (index + 1) & mask
            }
            keys.append(key)
            slots[index] = UInt32(keys.count)
            if keys.count * 2 > slots.count { grow() }
            return keys.count - 1
        }

        private mutating func grow() {
            slots = [UInt32](repeating: 0, count: slots.count * 2)
            let mask = slots.count - 1
            for (number, key) in keys.enumerated() {
                var index = Self.hash(key) & mask
                while slots[index] != 0 { index = (index + 1) & mask }
                slots[index] = UInt32(number + 1)
            }
        }

        private static func hash(_ key: UInt32) -> Int {
            Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 32)
        }
    }
}
