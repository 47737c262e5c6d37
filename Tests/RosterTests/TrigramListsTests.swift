import Testing

@testable import Roster

@Suite struct TrigramListsTests {
    /// Sorted, distinct words of a few letters, from a fixed generator: enough that their three-letter runs outgrow
    /// the table's first size.
    private let words: [[UInt8]] = {
        var state: UInt64 = 42
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let words = (0..<4_000).map { _ in (0..<(2 + Int(next() % 9))).map { _ in UInt8(0x61 + next() % 26) } }
        return Set(words).sorted { $0.lexicographicallyPrecedes($1) }
    }()

    @Test func everyWordHoldingARunIsListedUnderItOnceInOrderAndTheLeftOutNever() {
        let bytes = words.flatMap { $0 }
        let starts = words.reduce(into: [UInt32(0)]) { $0.append($0.last! + UInt32($1.count)) }
        let leftOut = { (word: Int) in word % 7 == 0 }
        let counted = TrigramLists.count(bytes, starts) { !leftOut($0) }
        let (keys, keyStarts, listed) = TrigramLists.place(counted, bytes, starts) { !leftOut($0) }

        var expected: [UInt32: [UInt32]] = [:]
        for (number, word) in words.enumerated() where word.count >= 3 && !leftOut(number) {
            for at in 0...(word.count - 3) {
                let key = SearchVocabulary.trigramKey(word[at], word[at + 1], word[at + 2])
                if expected[key]?.last != UInt32(number) { expected[key, default: []].append(UInt32(number)) }
            }
        }
        #expect(expected.count > 8_192)
        #expect(keys == expected.keys.sorted())
        #expect(keys.indices.allSatisfy { Array(listed[Int(keyStarts[$0])..<Int(keyStarts[$0 + 1])]) == expected[keys[$0]] })
    }
}
