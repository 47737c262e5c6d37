import DelimitedText
import SampleConference
import Testing

@testable import Roster

@Suite struct LayeredSearchIndexTests {
    let folder = NameFolder()

    private func documents(_ names: [(id: Int64, given: String, family: String)]) -> [(id: Int64, document: SearchDocument)] {
        names.map { name in
            (
                name.id,
                SearchDocument(Delegate(reference: "R-\(name.id)", givenName: name.given, familyName: name.family, category: "DEL"), folder: folder)
            )
        }
    }

    private func ids(_ index: LayeredSearchIndex, _ text: String, limit: Int = 10) -> [Int64] {
        index.search(SearchQuery(text, folder: folder), limit: limit).map(\.id)
    }

    @Test func aChangedDelegateIsFoundByTheirNewNameAndNoLongerByTheirOld() {
        let base = SearchIndex(documents([(1, "Anna", "Kowal"), (2, "Jan", "Novak")]))
        let layered = LayeredSearchIndex(base: base, changes: SearchIndex(documents([(1, "Anna", "Nowicka")])))
        #expect(ids(layered, "kowal").isEmpty)
        #expect(ids(layered, "nowicka") == [1])
        #expect(ids(layered, "anna") == [1])
        #expect(ids(layered, "novak") == [2])
    }

    @Test func equalScoresAcrossTheLayersAreOrderedByFamilyNameThenGivenNameAsOneIndexOrdersThem() {
        let old = documents([(1, "Zoe", "Berg"), (2, "Ada", "Bergman"), (5, "Eva", "Bergström")])
        let changed = documents([(3, "Anna", "Berg"), (4, "Anna", "Bergman")])
        let layered = LayeredSearchIndex(base: SearchIndex(old), changes: SearchIndex(changed))
        let whole = SearchIndex(old + changed)
        #expect(ids(layered, "berg") == whole.search(SearchQuery("berg", folder: folder), limit: 10).map(\.id))
        #expect(ids(layered, "berg") == [3, 1, 2, 4, 5])
        #expect(ids(layered, "berg", limit: 3) == [3, 1, 2])
    }

    @Test func aChangedDelegateNeitherTakesASampledPlaceNorCountsAsANameFoundInTheLargeIndex() {
        // Sampled for `be` (one of them, first in the alphabet) or counted among the names enough for `berg`, the
        // renamed Ana Berg would crowd out Cleo Berg, and the organisation's Bergbau, that one whole index lists.
        let before = documents([(1, "Ana", "Berg"), (2, "Cleo", "Berg")])
        let bergbau = SearchDocument(
            Delegate(reference: "R-3", givenName: "Ion", familyName: "Pop", organisation: "Bergbau", category: "DEL"), folder: folder)
        let renamed = documents([(1, "Ana", "Zed")])
        let layered = LayeredSearchIndex(base: SearchIndex(before + [(3, bergbau)]), changes: SearchIndex(renamed))
        let whole = SearchIndex(renamed + [before[1], (3, bergbau)])
        for (text, limit) in [("be", 1), ("berg", 2)] {
            let expected = whole.search(SearchQuery(text, folder: folder), limit: limit).map(\.id)
            #expect(ids(layered, text, limit: limit) == expected, "\(text)")
            #expect(!expected.isEmpty)
        }
    }

    @Test func theSampleConferenceWithAThirdOfItsDelegatesRenamedIsSearchedAsIfIndexedWhole() throws {
        // Every third delegate takes the family name of the one after: the layers must answer as one index of the
        // roster as it now is, hit for hit and score for score.
        let records = try DelimitedTable(contentsOf: SampleConference.delegatesURL).records.map(\.fields)
        let before = records.enumerated().map { (Int64($0.offset), $0.element[2], $0.element[3]) }
        let renamed = before.enumerated().compactMap { offset, name in
            offset % 3 == 0 ? (name.0, name.1, before[(offset + 1) % before.count].2) : nil
        }
        let after = before.map { name in renamed.first { $0.0 == name.0 } ?? name }
        let layered = LayeredSearchIndex(base: SearchIndex(documents(before)), changes: SearchIndex(documents(renamed)))
        let whole = SearchIndex(documents(after))
        for query in ["a", "ma", "schmidt", "petrov", "dr", "anna", "novak", "ko", "шевченко", "jnes", "beridze", "maria k"] {
            let expected = whole.search(SearchQuery(query, folder: folder), limit: 10).map { [$0.id, Int64($0.score)] }
            let found = layered.search(SearchQuery(query, folder: folder), limit: 10).map { [$0.id, Int64($0.score)] }
            #expect(found == expected, "\(query)")
        }
    }
}
