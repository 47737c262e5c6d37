import Foundation
import Testing

@testable import RosterStore

@Suite struct JSONTextTests {
    @Test(arguments: [
        [], ["S1"], ["S1", "PL-2", "Ω"], ["say \"hi\""], ["back\\slash"], ["line\nbreak", "tab\t"], ["\u{1}"],
    ])
    func anArrayOfStringsIsJSONThatReadsBackAsTheSameStrings(strings: [String]) throws {
        let text = JSONText.array(strings)
        #expect(try JSONDecoder().decode([String].self, from: Data(text.utf8)) == strings)
    }
}
