import Roster
import Testing

@Suite struct SearchIndexTests {
    let folder = NameFolder()

    private func index(_ names: [(reference: String, given: String, family: String)]) -> SearchIndex {
        SearchIndex(
            names.enumerated().map { offset, name in
                let delegate = Delegate(reference: name.reference, givenName: name.given, familyName: name.family, category: "DEL")
                return (Int64(offset + 1), SearchDocument(delegate, folder: folder))
            })
    }

    private func references(_ index: SearchIndex, _ text: String, limit: Int = 10) -> [Int64] {
        index.search(SearchQuery(text, folder: folder), limit: limit).map(\.id)
    }

    @Test func aWholeWordBeatsTheStartOfAWordWhichBeatsTheInsideOfOne() {
        // Alphabetical order, the tie-break, would put each of these the other way round.
        let index = index([("R-1", "Dan", "Zeller"), ("R-2", "Dana", "Abbott"), ("R-3", "Jordan", "Aalto")])
        #expect(references(index, "dan") == [1, 2, 3])
    }

    @Test func equalScoresAreOrderedByFamilyNameThenGivenName() {
        let index = index([("R-1", "Zoe", "Berg"), ("R-2", "Anna", "Bergman"), ("R-3", "Anna", "Berg"), ("R-4", "Ada", "Bergman")])
        #expect(references(index, "berg") == [3, 1, 4, 2])
    }

    @Test func aNameStartingWithTheLettersTypedIsFoundAmongManyReferencesStartingWithThem() {
        // A booking reference every delegate shares the start of ("SYN-…") must not crowd the names out of the
        // candidates: the desk types "s" looking for Szabo.
        let names = (0..<(SearchIndex.candidateLimit * 3)).map { ("SYN-\($0)", "Anna", "Kowal") } + [("SYN-9999", "Zofia", "Szabo")]
        let index = index(names)
        #expect(references(index, "s", limit: 10).first == Int64(names.count))
        #expect(references(index, "syn-9999") == [Int64(names.count)])
    }

    @Test func everyTypedWordMustMatch() {
        let index = index([("R-1", "Ivan", "Petrov"), ("R-2", "Olga", "Petrova"), ("R-3", "Ivan", "Sidorov")])
        #expect(references(index, "ivan petrov") == [1])
        #expect(references(index, "ivan nobody").isEmpty)
    }

    @Test func closeSpellingsAreOfferedBelowTheExactMatchesWhenThoseAreFew() {
        let index = index([("R-1", "Ivan", "Petrov"), ("R-2", "Olga", "Petrvoa"), ("R-3", "Olga", "Sidorova")])
        #expect(references(index, "petrvo") == [2, 1])
        #expect(references(index, "sidrova") == [3])
        #expect(references(index, "ptrv").isEmpty)
        let schmidts = self.index([("R-1", "Anna", "Schmidt"), ("R-2", "Jan", "Schmitt")])
        #expect(references(schmidts, "schmit") == [2, 1])
        // Enough exact matches fill the list: no typo is looked for.
        #expect(references(schmidts, "schmit", limit: 1) == [2])
    }

    @Test func aReferenceTypedInFullComesFirst() {
        let index = index([("R-10", "R", "Petrov"), ("R-1", "Ivan", "Petrov")])
        #expect(references(index, "r-1").first == 2)
    }

    @Test func aCommonStartStillFillsTheLimitWithoutRankingEveryone() {
        let names = (0..<(SearchIndex.candidateLimit * 3)).map { ("R-\($0)", "Anna", "Kowal\($0)") }
        let index = index(names)
        #expect(references(index, "k", limit: 10).count == 10)
        // The exact match first; the few names one slip away (Kowal1099, Kowal1409 …) after it.
        #expect(references(index, "kowal1499").first == 1500)
    }

    @Test func namesAreFoundInEveryScriptTheyWereFolded() {
        let index = index([("R-1", "Тарас", "Шевченко"), ("R-2", "Maria", "Παπαδοπούλου")])
        #expect(references(index, "shevchenko") == [1])
        #expect(references(index, "Шевченко") == [1])
        #expect(references(index, "papadopoulou") == [2])
    }
}
