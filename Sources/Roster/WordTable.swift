/// Numbers distinct words by their bytes, in the order they are first seen, keeping each word's bytes once.
///
/// An open-addressing hash table of word numbers over one buffer of bytes: a word is hashed and compared where it
/// lies, never copied into a `String` (whose hashing normalises Unicode first). Words are told apart by their bytes,
/// as search compares them: two canonically equivalent spellings in different bytes are two words. An index of 100,000 delegates
/// numbers nearly a million distinct words, most of them spellings of a reference or an email address that only
/// one delegate has.
struct WordTable {
    /// The words' bytes, one after another; word `n` is `bytes[starts[n]..<starts[n + 1]]`.
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [UInt32] = [0]
    /// Per slot: the word's hash in the high half, its number plus one in the low half; 0 for an empty slot.
    private var slots: [UInt64]

    /// - Parameter capacity: How many distinct words are expected, to reserve room for.
    init(capacity: Int) {
        slots = [UInt64](repeating: 0, count: Self.slotCount(for: capacity))
        starts.reserveCapacity(capacity + 1)
        bytes.reserveCapacity(capacity * 8)
    }

    /// How many distinct words the table holds.
    var count: Int { starts.count - 1 }

    /// Word `number`'s bytes.
    func word(_ number: Int) -> ArraySlice<UInt8> {
        bytes[Int(starts[number])..<Int(starts[number + 1])]
    }

    /// Lets go of the table's slots, keeping the words: no word is numbered afterwards.
    mutating func forgetLookups() {
        slots = []
    }

    /// The number of `word`, given the next number when it is new.
    mutating func number(of word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let hash = Self.hash(word)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 {
            let entry = slots[slot]
            if UInt32(truncatingIfNeeded: entry >> 32) == hash {
                let number = Int(UInt32(truncatingIfNeeded: entry)) - 1
                if holds(number, equalTo: word) { return UInt32(number) }
            }
            slot = (slot + 1) & mask
        }
        let number = UInt32(count)
        bytes.append(contentsOf: word)
        starts.append(UInt32(bytes.count))
        slots[slot] = UInt64(hash) << 32 | UInt64(number + 1)
        if count * 2 > slots.count { grow() }
        return number
    }

    private func holds(_ number: Int, equalTo word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[number]), end = Int(starts[number + 1])
        guard end - start == word.count else { return false }
        return bytes.withUnsafeBufferPointer { all in ByteSearch.starts(UnsafeBufferPointer(rebasing: all[start..<end]), with: word) }
    }

    /// Doubles the slots, placing each word again by the hash its slot keeps.
    private mutating func grow() {
        var grown = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = grown.count - 1
        for entry in slots where entry != 0 {
            var slot = Int(entry >> 32) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = entry
        }
        slots = grown
    }

    /// A power of two at least twice `capacity`: the table stays at most half full.
    private static func slotCount(for capacity: Int) -> Int {
        var count = 16
        while count < capacity * 2 { count *= 2 }
        return count
    }

    /// Swift's `Hasher` over the bytes: SipHash, seeded per process, so that no roster can be written to make its
    /// words collide; unlike a `String`'s hash, no Unicode normalisation first.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(word))
        return UInt32(truncatingIfNeeded: hasher.finalize())
    }
}
