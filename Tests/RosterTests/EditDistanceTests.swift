import Testing

@testable import Roster

@Suite struct EditDistanceTests {
    @Test(arguments: [
        ("petrov", "petrov", true), ("petrov", "petrof", true), ("petrov", "petro", true), ("petrov", "petrovv", true),
        ("petrov", "eptrov", true), ("petrov", "petrvo", true), ("petrov", "ptrv", false), ("petrov", "vortep", false),
        ("petrov", "pterov", true), ("petrov", "pxtrox", false), ("", "a", true), ("ab", "ba", true),
    ])
    func atMostOneEditIsRecognised(a: String, b: String, expected: Bool) {
        let x = Array(a.utf8), y = Array(b.utf8)
        let result = x.withUnsafeBufferPointer { x in y.withUnsafeBufferPointer { y in EditDistance.isAtMostOne(x, y) } }
        #expect(result == expected)
    }

    @Test(arguments: [
        ("mcallister", "mcalister", true), ("kowalsk", "kowalska", true), ("kowlask", "kowalska", true), ("kwlask", "kowalska", false),
        ("abc", "abd", false), ("jorgensne", "jorgensen", true), ("jnes", "jones", true), ("nvak", "novak", true), ("jnes", "jesper", false),
    ])
    func aTermMatchesTheStartOfAWordWithOneTypo(term: String, word: String, expected: Bool) {
        let t = Array(term.utf8), w = Array(word.utf8)
        let result = t.withUnsafeBufferPointer { t in w.withUnsafeBufferPointer { w in EditDistance.isOneTypoAway(t, fromStartOf: w) } }
        #expect(result == expected)
    }
}
