import DelimitedText
import SampleConference
import Testing

@testable import Roster

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

    @Test func aNameStartingWithTwoLettersTypedIsFoundAmongManyEmailsEndingInThemAsACountryCode() {
        // Every Slovenian delegate's address ends in ".si", and someone is called Si: the desk typing "si" is
        // looking for Simon, who must not be crowded out of the candidates by the addresses.
        let slovenians = (0..<(SearchIndex.candidateLimit * 2)).map {
            Delegate(reference: "SI-\($0)", givenName: "Anna", familyName: "Kowal", category: "DEL", email: "anna\($0)@police.si")
        }
        let delegates =
            slovenians + [
                Delegate(reference: "R-1", givenName: "Si", familyName: "Tran", category: "DEL"),
                Delegate(reference: "R-2", givenName: "Simon", familyName: "Petrov", category: "DEL"),
            ]
        let index = SearchIndex(delegates.enumerated().map { (Int64($0 + 1), SearchDocument($1, folder: folder)) })
        #expect(references(index, "si", limit: 3) == [Int64(delegates.count - 1), Int64(delegates.count), 1])
    }

    @Test(arguments: [10, SearchTermMatches.listedInsideLimit + 10])
    func aTypedWordIsFoundInsideANameHoweverManyWordsShareItsRarestThreeLetterRun(sharing: Int) {
        // Below the limit the words holding `dorov`'s rarest run are listed up front; above it each is compared.
        let others = (0..<sharing).map { ("R-\($0)", "Anna", "Dorov\($0)") }
        let index = index(others + [("R-X", "Ivan", "Sidorov")])
        #expect(references(index, "ivan dorov") == [Int64(sharing + 1)])
    }

    @Test func aFamilyNameStartingWithTheLettersTypedComesFirstThoughMoreGivenNamesThanTheDeskAsksForComeBeforeIt() {
        // In the vocabulary's order every Annabel comes before Annz; the family name still scores above them.
        let annabels = (0..<12).map { ("R-\($0)", "Annabel", "Kowal") }
        let index = index(annabels + [("R-X", "Jan", "Annz")])
        #expect(references(index, "ann").first == Int64(annabels.count + 1))
    }

    @Test func aFamilyNameStartingWithTheLetterTypedComesFirstThoughACommonGivenNameBeforeItHasMoreDelegatesThanAreRanked() {
        // Every Anna comes before Azur in the vocabulary's order, and there are more of them than are ever ranked.
        let annas = (0..<(SearchIndex.candidateLimit + 100)).map { ("R-\($0)", "Anna", "Kowal") }
        let index = index(annas + [("R-X", "Jan", "Azur")])
        #expect(references(index, "a").first == Int64(annas.count + 1))
    }

    @Test func aShortWordsSampleOfAFamilyNameIsTheDelegatesFirstInTheAlphabet() {
        // Fifteen Aaltos: the one whose given name comes first was registered last.
        let aaltos = (0..<15).map { ("R-\($0)", "Zora", "Aalto") } + [("R-X", "Bea", "Aalto")]
        #expect(references(index(aaltos), "a", limit: 10).first == 16)
    }

    @Test func aReferenceOfTwoLettersTypedInFullComesFirstThoughMoreNamesStartWithThemThanAreSampled() {
        let names = (0..<(SearchIndex.shortWordCandidatesPerHit + 2)).flatMap { word in
            (0..<10).map { ("R-\(word)-\($0)", "Ab\(String(UnicodeScalar(UInt8(97 + word))))", "Kowal") }
        }
        let index = index(names + [("AB", "Jan", "Novak")])
        #expect(references(index, "ab", limit: 10).first == Int64(names.count + 1))
    }

    @Test func everyoneWithAShortFamilyNameTypedWholeIsRankedThoughMoreHaveItThanTheDeskAsksFor() {
        // Fifteen delegates are called Ee; the one first in the alphabet by given name was registered last.
        let ees = (0..<14).map { ("R-\($0)", "Zora", "Ee") } + [("R-X", "Ada", "Ee")]
        #expect(references(index(ees), "ee", limit: 10).first == 15)
    }

    @Test(arguments: [
        ("Иван", "Щерев", "BG"), ("Ѓорѓи", "Ѓорѓиев", "MK"), ("Ђорђе", "Ђорђевић", "RS"), ("Јован", "Јовановић", "ME"),
        ("Аляксандр", "Лукашэнка", "BY"), ("Тарас", "Шевченко", "UA"), ("Παύλος", "Γεωργίου", "GR"),
    ])
    func aNameInAnotherScriptIsFoundAsItsBadgeSpellsItInLatin(given: String, family: String, country: String) throws {
        let delegate = Delegate(reference: "R-1", givenName: given, familyName: family, country: country, category: "DEL")
        let index = SearchIndex([(1, SearchDocument(delegate, folder: folder))])
        let badgeLine = Transliteration.latin(delegate.displayName, country: country)
        #expect(references(index, badgeLine) == [1])
        #expect(references(index, try #require(badgeLine.split(separator: " ").last).description) == [1])
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
        #expect(references(index, "ptrv") == [2], "four letters, one left out: Petrv(oa)")
        #expect(references(index, "sdrva").isEmpty, "two slips are too many")
        let schmidts = self.index([("R-1", "Anna", "Schmidt"), ("R-2", "Jan", "Schmitt")])
        #expect(references(schmidts, "schmit") == [2, 1])
        // Enough exact matches fill the list: no typo is looked for.
        #expect(references(schmidts, "schmit", limit: 1) == [2])
    }

    @Test func aWholeNameOneSlipAwayComesBeforeNamesHoldingTheTypedWordThoughThoseFillTheList() {
        // `sone` is inside a dozen Carosones and one slip from Stone: the desk left a letter out.
        let carosones = (0..<12).map { ("R-\($0)", "Jan", "Carosone") }
        let index = index(carosones + [("R-X", "Anna", "Stone")])
        #expect(references(index, "sone").first == Int64(carosones.count + 1))
    }

    @Test func aTypedLetterOrTwoMatchTheStartOfAWordNeverItsInside() {
        // More names start with `d` and `dy` than Ivans are registered: the Ivans are the candidates.
        let others = (0..<5).flatMap { [("D-\($0)", "Olga", "Dubois"), ("Y-\($0)", "Olga", "Dyson")] }
        let index = index([("R-1", "Ivan", "Sidorov"), ("R-2", "Ivan", "Dimitrov"), ("R-3", "Ivan", "Kadyrov")] + others)
        #expect(references(index, "ivan d") == [2])
        #expect(references(index, "ivan dy").isEmpty)
    }

    @Test func aRareNameWithCommonThreeLetterRunsGivesTheCandidatesBeforeAShortWordInsideManyNames() {
        // `age` is inside more names than are ranked; `patricia` is the narrower word, though counting its own words
        // twice (starting with it, and holding its rarest run) once made it look broader.
        let patricias = (0..<300).map { ("P-\($0)", "Patricia", "Kowal") }
        let hagens = (0..<(SearchIndex.candidateLimit + 50)).map { ("H-\($0)", "Jan", "Hagen\($0)") }
        let index = index(patricias + hagens + [("R-X", "Patricia", "Page")])
        #expect(references(index, "patricia age") == [Int64(patricias.count + hagens.count + 1)])
    }

    @Test(arguments: [("jnes", "Jones"), ("nvak", "Novak"), ("jonse", "Jones"), ("nowak", "Novak"), ("novka", "Novak")])
    func aFourOrFiveLetterNameTypedWithOneSlipIsFound(typed: String, name: String) {
        let index = index([("R-1", "Ann", "Jones"), ("R-2", "Jan", "Novak"), ("R-3", "Ines", "Kovac")])
        let expected: Int64 = name == "Jones" ? 1 : 2
        #expect(references(index, typed).first == expected)
    }

    @Test func theTypoLookupFindsExactlyTheNameWordsOneEditFromTheTermOrItsStartAndTellsTheWholeOnes() throws {
        // Every name of the sample conference, and terms made from them with every kind of slip: the lookup by
        // spellings one edit away must agree with comparing the term with every word.
        let table = try DelimitedTable(contentsOf: SampleConference.delegatesURL)
        let index = SearchIndex(
            table.records.enumerated().map { offset, record in
                let delegate = Delegate(reference: record.fields[0], givenName: record.fields[2], familyName: record.fields[3], category: "DEL")
                return (Int64(offset), SearchDocument(delegate, folder: folder))
            })
        let vocabulary = index.vocabulary
        let terms = ["jnes", "nvak", "petrvo", "shevchnko", "kowalsk", "schmit", "muller", "ggeorgiou", "zzzz", "abcd"]
        for term in terms {
            let expected = (0..<vocabulary.count).filter { word in
                vocabulary.isNameWord(word)
                    && vocabulary.withWord(word) { word in
                        Array(term.utf8).withUnsafeBufferPointer { EditDistance.isOneTypoAway($0, fromStartOf: word) }
                    }
            }
            let wholeExpected = expected.filter { word in
                vocabulary.withWord(word) { word in
                    Array(term.utf8).withUnsafeBufferPointer { term in
                        EditDistance.isAtMostOne(term, word) && !word.starts(with: term)
                    }
                }
            }
            let found = vocabulary.wordsOneTypoAway(from: Array(term.utf8))
            #expect(found.starts.flatMap { $0 }.filter(vocabulary.isNameWord) == expected, "\(term)")
            #expect(found.whole.filter(vocabulary.isNameWord) == wholeExpected, "\(term): the words themselves one slip away")
        }
    }

    @Test func anIndexStoredAsBytesLoadsEqualAndOneCutShortDamagedOrOfAnotherFormatIsRefused() throws {
        let index = index([("R-1", "Тарас", "Шевченко"), ("R-2", "Maria", "Παπαδοπούλου"), ("R-3", "Jan", "Novák")])
        func load(_ parts: [[UInt8]]) throws -> SearchIndex {
            var remaining = parts[...]
            return try SearchIndex { remaining.popFirst() }
        }
        var parts: [[UInt8]] = []
        index.forEachSerializedPart { parts.append(Array($0)) }
        #expect(try load(parts) == index)
        #expect(throws: SearchIndex.UnreadableIndex.self) { try load(Array(parts.dropLast())) }
        #expect(throws: SearchIndex.UnreadableIndex.self) { try load(parts + [[0]]) }
        var otherFormat = parts
        otherFormat[0][4] = 0xFF
        #expect(throws: SearchIndex.UnreadableIndex.self) { try load(otherFormat) }
        var cutShort = parts
        cutShort[7].removeLast(3)
        #expect(throws: SearchIndex.UnreadableIndex.self) { try load(cutShort) }
        // Whole numbers short, or out of order: the words' list, its name counts (parts 7 and 10).
        for (part, damage) in [(7, { (part: inout [UInt8]) in part.removeLast(4) }), (10, { $0.removeLast(4) }), (7, { $0[5] = 0xFF })] {
            var damaged = parts
            damage(&damaged[part])
            #expect(throws: SearchIndex.UnreadableIndex.self) { try load(damaged) }
        }
    }

    @Test func aReferenceTypedInFullComesFirst() {
        let index = index([("R-10", "R", "Petrov"), ("R-1", "Ivan", "Petrov")])
        #expect(references(index, "r-1").first == 2)
    }

    @Test func aReferenceTypedInFullComesFirstEvenWhenMoreNamesThanTheDeskAsksForStartWithIt() {
        let annas = (0..<12).map { ("R-\($0)", "Anna", "Kowal\($0)") }
        let index = index(annas + [("AN", "Jan", "Novak")])
        #expect(references(index, "an").first == Int64(annas.count + 1))
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

    @Test func theVocabularyIsInByteOrderThoughManyWordsShareTheirFirstEightBytesAndComeInAnyOrder() {
        // Words sharing their first eight bytes (ordered by the rest), prefixes of others, and non-Latin bytes, added
        // in a scrambled order: sorted in two halves and merged, the whole must come out in byte order.
        var words = (0..<3_000).map { "abcdefgh\(String($0 * 7_919 % 3_000, radix: 36))" }
        words += ["abcdefg", "abcdefgh", "a", "ab", "шевченко", "шевченк", "zz", "abcdefgh0"]
        let documents = stride(from: 0, to: words.count, by: 3).map { start in
            SearchDocument(
                reference: "r-\(start)", familyWords: Array(words[start..<min(start + 3, words.count)]), givenWords: [], otherWords: [])
        }
        let index = SearchIndex(documents.enumerated().map { (Int64($0.offset + 1), $0.element) })
        let vocabulary = (0..<index.vocabulary.count).map { place in index.vocabulary.withWord(place) { Array($0) } }
        #expect(zip(vocabulary, vocabulary.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) }, "strictly ascending bytes")
        #expect(Set(vocabulary).isSuperset(of: words.map { Array($0.utf8) }))
    }
}
