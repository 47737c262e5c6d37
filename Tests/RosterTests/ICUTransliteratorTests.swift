import Testing

@testable import Roster

@Suite struct ICUTransliteratorTests {
    @Test func aResultManyTimesLongerThanItsTextIsWrittenWhole() throws {
        // Six letters become thirty-six characters: more than the room first given, so ICU is asked again.
        let hex = try #require(ICUTransliterator(id: "Any-Hex"))
        #expect(hex.transliterate("abcdef") == "\\u0061\\u0062\\u0063\\u0064\\u0065\\u0066")
    }

    @Test func aTransliteratorICUDoesNotHaveIsNone() {
        #expect(ICUTransliterator(id: "Klingon-Latin/Nonsense") == nil)
    }

    @Test func rulesICUCannotParseMakeNoTransliterator() {
        #expect(ICUTransliterator(id: "Broken", rules: "а > ;; > > b") == nil)
        #expect(ICUTransliterator(id: PassportRomanisation.id, rules: PassportRomanisation.rules) != nil)
    }
}
