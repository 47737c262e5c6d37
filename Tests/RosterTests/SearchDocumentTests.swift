import Roster
import Testing

@Suite struct SearchDocumentTests {
    @Test(arguments: [
        [], ["novak"], ["ana", "popa"], ["shevchenko", "sevcenko", "ševčenko"], ["", "a"], ["a-very-long-spelling-of-a-name", "x"],
    ])
    func aDocumentKeepsEachFieldsSpellingsSeparatedBySingleSpaces(words: [String]) {
        let document = SearchDocument(reference: "r-1", familyWords: words, givenWords: words.reversed(), otherWords: words + words)
        #expect(document.familyText == words.joined(separator: " "))
        #expect(document.givenText == words.reversed().joined(separator: " "))
        #expect(document.otherText == (words + words).joined(separator: " "))
    }
}
