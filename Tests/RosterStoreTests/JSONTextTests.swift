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

    @Test(arguments: [[], ["S1"], ["S1", "PL-2", "Ω"], ["", "A"]])
    func plainStringsAreReadBackWithoutTheDecoder(strings: [String]) {
        #expect(JSONText.strings(JSONText.array(strings)) == strings)
    }

    @Test(arguments: [#"["say \"hi\""]"#, #"[ "A1"]"#, #"["A1",]"#, #"["A1""#, #"["A1" ]"#, "[1]", "", "[", #"["A1","#])
    func anythingButPlainStringsIsLeftToTheDecoder(text: String) {
        #expect(JSONText.strings(text) == nil)
    }

    @Test(arguments: [[], [1], [1, 2, 3], [12, 365]])
    func numbersAreReadBackWithoutTheDecoder(numbers: [Int]) {
        #expect(JSONText.numbers(JSONText.array(numbers)) == numbers)
    }

    @Test(arguments: ["[1,]", "[ 1]", "[-1]", "[1.5]", "[01]", "[\"1\"]", "", "[", "[,]", "[1234567890]"])
    func anythingButPlainNumbersIsLeftToTheDecoder(text: String) {
        #expect(JSONText.numbers(text) == nil)
    }
}
