import Testing

@testable import Roster

@Suite struct WordTableTests {
    private func numbers(_ words: [String], capacity: Int = 1) -> (numbers: [UInt32], table: WordTable) {
        var table = WordTable(capacity: capacity)
        let numbers = words.map { word in Array(word.utf8).withUnsafeBufferPointer { table.number(of: $0) } }
        return (numbers, table)
    }

    @Test func aWordSeenAgainKeepsTheNumberItWasFirstGiven() {
        let (numbers, table) = numbers(["novak", "jones", "novak", "", "jones", ""])
        #expect(numbers == [0, 1, 0, 2, 1, 2])
        #expect(table.count == 3)
    }

    @Test func wordsThatShareTheirStartOrTheirLengthAreStillTwoWords() {
        let (numbers, _) = numbers(["abcdefgh", "abcdefghi", "abcdefgi", "иван", "ивам"])
        #expect(numbers == [0, 1, 2, 3, 4])
    }

    @Test func eachWordKeepsItsBytesOnceInTheOrderFirstSeen() {
        let (_, table) = numbers(["щерев", "shterev", "щерев"])
        #expect(table.word(0).elementsEqual("щерев".utf8))
        #expect(table.word(1).elementsEqual("shterev".utf8))
        #expect(table.bytes.count == "щерев".utf8.count + "shterev".utf8.count)
    }

    @Test func aTableGrownFarBeyondItsCapacityStillFindsEveryWord() {
        let words = (0..<20_000).map { "r-\($0)" }
        let (first, table) = numbers(words + words.reversed(), capacity: 4)
        #expect(first == (0..<20_000).map(UInt32.init) + (0..<20_000).reversed().map(UInt32.init))
        #expect(table.count == 20_000)
    }

    @Test func hundredsOfThousandsOfWordsOfOneLengthEachKeepANumberOfTheirOwn() {
        // Among 300,000 words about ten pairs share the 32-bit hash a slot keeps (whatever the process's seed), so
        // the table must tell them apart by their bytes, not by their hash and length.
        let words = (0..<300_000).map { "w\(1_000_000 + $0)" }
        let (numbers, table) = numbers(words, capacity: 300_000)
        #expect(table.count == 300_000)
        #expect(numbers.enumerated().allSatisfy { $0.offset == Int($0.element) }, "each word a number of its own, in order")
    }
}
