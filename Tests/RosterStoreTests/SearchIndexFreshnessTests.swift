import Foundation
import GRDB
import LanyardTestSupport
import Roster
import Testing

@testable import RosterStore

@Suite struct SearchIndexFreshnessTests {
    @Test func searchSeesAnImportMadeAfterTheIndexWasBuiltInThisProcessOrInAnother() throws {
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let desk = try RosterDatabase.open(in: folder)
        try desk.createEvent(Event(name: "E", venue: "V", firstDay: "2027-03-09", dayCount: 1, timeZoneIdentifier: "UTC"))
        _ = try desk.apply(delegates: [Delegate(reference: "R-1", givenName: "Ana", familyName: "Ionescu", category: "DEL")])
        #expect(try desk.search("ionescu").map(\.delegate.reference) == ["R-1"])

        // A walk-in registered through this store…
        _ = try desk.apply(delegates: [Delegate(reference: "R-2", givenName: "Mihai", familyName: "Ionescu", category: "DEL")])
        #expect(try desk.search("ionescu").map(\.delegate.reference) == ["R-1", "R-2"])

        // …then a name correction imported by another process, the lanyard command.
        let corrections = folder.url.appendingPathComponent("corrections.csv")
        try "reference,first_name,last_name,category\nR-1,Ana,Popescu,DEL\n".write(to: corrections, atomically: true, encoding: .utf8)
        let imported = try LanyardProcess(data: folder.url).run("import", corrections.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try desk.search("ionescu").map(\.delegate.reference) == ["R-2"])
        #expect(try desk.search("popescu").map(\.delegate.reference) == ["R-1"])
    }
}

@Suite struct StoredSearchIndexTests {
    /// A fresh data folder holding an event, and a store open on it.
    private func freshStore() throws -> (folder: DataFolder, store: RosterDatabase) {
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        let store = try RosterDatabase.open(in: folder)
        try store.createEvent(Event(name: "E", venue: "V", firstDay: "2027-03-09", dayCount: 1, timeZoneIdentifier: "UTC"))
        return (folder, store)
    }

    /// The revision and key the store records for its index file, if any.
    private func recorded(_ folder: DataFolder) throws -> (revision: Int64, key: Int64)? {
        try DatabaseQueue(path: folder.rosterURL.path).read { db in
            try Row.fetchOne(db, sql: "SELECT revision, key FROM searchIndexFile").map { ($0[0], $0[1]) }
        }
    }

    @Test func aStoreOpenedAfterAnotherPreparedSearchLoadsTheStoredIndexAndNeverOneStoredForAnOlderRoster() throws {
        let (folder, first) = try freshStore()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        _ = try first.apply(delegates: [Delegate(reference: "R-1", givenName: "Ana", familyName: "Ionescu", category: "DEL")])
        try first.prepareSearch()
        try first.storeSearchIndex()
        let (revision, key) = try #require(try recorded(folder))
        #expect(revision == (try first.rosterRevision()))

        // The stored index is what the next store searches: one that finds R-1 under another name proves it is loaded.
        let id = try DatabaseQueue(path: folder.rosterURL.path).read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM delegate WHERE reference = 'R-1'")
        }!
        let marked = SearchIndex([
            (
                id,
                SearchDocument(
                    reference: "r-1", familyName: "Marker", givenName: "Ana", nativeName: nil, email: "", organisation: "",
                    country: "", folder: first.folder)
            )
        ])
        let file = SearchIndexFile(besideStoreAt: folder.rosterURL)
        try file.place(try file.writeTemporary(marked, revision: revision, key: key))
        #expect(try RosterDatabase.open(in: folder).search("marker").map(\.delegate.reference) == ["R-1"])

        // A roster changed since: the stored index is of an older revision, and a new store builds its own.
        _ = try first.apply(delegates: [Delegate(reference: "R-2", givenName: "Mihai", familyName: "Ionescu", category: "DEL")])
        let later = try RosterDatabase.open(in: folder)
        #expect(try later.search("marker").isEmpty)
        #expect(try later.search("ionescu").map(\.delegate.reference) == ["R-1", "R-2"])

        // A stored index cut short is built again rather than failing the search.
        try later.prepareSearch()
        try later.storeSearchIndex()
        let whole = try Data(contentsOf: file.url)
        try whole.prefix(whole.count - 5).write(to: file.url)
        #expect(file.read(revision: try later.rosterRevision(), key: try #require(try recorded(folder)).key) == nil)
        #expect(try RosterDatabase.open(in: folder).search("ionescu").map(\.delegate.reference) == ["R-1", "R-2"])
    }

    @Test func anIndexFileOfAnotherStoreIsNeverLoadedThoughItIndexesTheSameRevision() throws {
        let (mine, store) = try freshStore()
        let (theirs, other) = try freshStore()
        defer { for folder in [mine, theirs] { try? FileManager.default.removeItem(at: folder.url) } }
        _ = try store.apply(delegates: [Delegate(reference: "R-1", givenName: "Ana", familyName: "Ionescu", category: "DEL")])
        _ = try other.apply(delegates: [Delegate(reference: "R-1", givenName: "Ana", familyName: "Marker", category: "DEL")])
        for database in [store, other] {
            try database.prepareSearch()
            try database.storeSearchIndex()
        }
        #expect(try recorded(mine)?.revision == (try recorded(theirs)?.revision))

        let file = SearchIndexFile(besideStoreAt: mine.rosterURL)
        try FileManager.default.removeItem(at: file.url)
        try FileManager.default.copyItem(at: SearchIndexFile(besideStoreAt: theirs.rosterURL).url, to: file.url)
        let reopened = try RosterDatabase.open(in: mine)
        #expect(try reopened.search("marker").isEmpty)
        #expect(try reopened.search("ionescu").map(\.delegate.reference) == ["R-1"])
    }

    @Test func aOneShotSearchAnswersThenKeepsTheIndexItBuiltForTheNextProcessToLoad() throws {
        let (folder, store) = try freshStore()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        _ = try store.apply(delegates: [Delegate(reference: "R-1", givenName: "Ana", familyName: "Ionescu", category: "DEL")])
        #expect(try recorded(folder) == nil)

        let searched = try LanyardProcess(data: folder.url).run("search", "ionescu")
        #expect(searched.status == 0, "\(searched.stderr)")
        #expect(searched.stdout.contains("R-1"))
        let (revision, key) = try #require(try recorded(folder))
        #expect(revision == (try store.rosterRevision()))
        #expect(SearchIndexFile(besideStoreAt: folder.rosterURL).read(revision: revision, key: key) != nil)
    }

    @Test func aOneShotSearchThatCannotKeepItsIndexStillAnswersAndSaysWhy() throws {
        let (folder, store) = try freshStore()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        _ = try store.apply(delegates: [Delegate(reference: "R-1", givenName: "Ana", familyName: "Ionescu", category: "DEL")])
        // A folder where the index file goes: it cannot be put in place.
        let file = SearchIndexFile(besideStoreAt: folder.rosterURL)
        try FileManager.default.createDirectory(at: file.url.appendingPathComponent("in-the-way"), withIntermediateDirectories: true)

        let searched = try LanyardProcess(data: folder.url).run("search", "ionescu", "--json")
        #expect(searched.status == 0, "\(searched.stderr)")
        #expect(searched.stdout.contains("R-1"))
        #expect(searched.stderr.contains("not kept"))
        #expect(try recorded(folder) == nil)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".roster.sqlite-search-") }
        #expect(left.isEmpty, "the temporary file is removed")
    }

    @Test func anIndexBuiltForARosterThatHasSinceChangedIsNeitherWrittenNorRecorded() throws {
        let (folder, store) = try freshStore()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        _ = try store.apply(delegates: [Delegate(reference: "R-1", givenName: "Ana", familyName: "Ionescu", category: "DEL")])
        try store.prepareSearch()
        _ = try store.apply(delegates: [Delegate(reference: "R-2", givenName: "Mihai", familyName: "Ionescu", category: "DEL")])
        try store.storeSearchIndex()
        #expect(try recorded(folder) == nil)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains("-search") }
        #expect(files.isEmpty)
    }

    @Test func temporaryFilesAStoppedProcessLeftAreRemovedAndAYoungOneIsLeftAlone() throws {
        let (folder, store) = try freshStore()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        _ = try store.apply(delegates: [Delegate(reference: "R-1", givenName: "Ana", familyName: "Ionescu", category: "DEL")])
        let old = folder.url.appendingPathComponent(".roster.sqlite-search-stopped")
        let young = folder.url.appendingPathComponent(".roster.sqlite-search-being-written")
        for file in [old, young] { try Data("part of an index".utf8).write(to: file) }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -120)], ofItemAtPath: old.path)

        try store.prepareSearch()
        try store.storeSearchIndex()
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(FileManager.default.fileExists(atPath: young.path))
        #expect(try recorded(folder) != nil)
    }

    @Test func theIndexAStoreBuildsFromItsColumnsIsTheOneItsDelegatesDocumentsMake() throws {
        let (folder, store) = try freshStore()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        // References in upper case, in Cyrillic and with a diacritic (lowered byte by byte, or by Unicode), names
        // sharing words, an email and an organisation.
        let delegates = [
            Delegate(reference: "R-1", givenName: "Ana Maria", familyName: "Ionescu", category: "DEL", email: "ana.ionescu@politia.ro"),
            Delegate(reference: "Ж-7", givenName: "Иван", familyName: "Щерев", nativeName: "Иван Щерев", country: "BG", category: "DEL"),
            Delegate(reference: "ÄB-3", givenName: "Mihai", familyName: "Ionescu", organisation: "Europol", category: "DEL"),
        ]
        _ = try store.apply(delegates: delegates)
        try store.prepareSearch()
        try store.storeSearchIndex()
        let (revision, key) = try #require(try recorded(folder))
        let stored = SearchIndexFile(besideStoreAt: folder.rosterURL).read(revision: revision, key: key)
        let ids = try DatabaseQueue(path: folder.rosterURL.path).read { db in try Int64.fetchAll(db, sql: "SELECT id FROM delegate ORDER BY id") }
        let documents = zip(ids, delegates).map { ($0, SearchDocument($1, folder: store.folder)) }
        #expect(stored == SearchIndex(documents))
    }
}

@Suite struct RosterSnapshotFreshnessTests {
    @Test func theRosterAndTheLogReadAgainIncludeWhatWasWrittenSinceHereOrByAnotherStore() throws {
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let dashboard = try RosterDatabase.open(in: folder)
        try dashboard.createEvent(Event(name: "E", venue: "V", firstDay: "2027-03-09", dayCount: 1, timeZoneIdentifier: "UTC"))
        _ = try dashboard.apply(delegates: [Delegate(reference: "R-1", givenName: "Ana", familyName: "Ionescu", category: "DEL")])
        #expect(try dashboard.delegates().map(\.reference) == ["R-1"])
        #expect(try dashboard.logEntries().isEmpty)

        // Another store on the same file (another process's) registers a walk-in and checks both in.
        let desk = try RosterDatabase.open(in: folder)
        _ = try desk.apply(delegates: [Delegate(reference: "R-2", givenName: "Mihai", familyName: "Albu", category: "DEL")])
        _ = try desk.checkIn(reference: "R-1", station: "desk-2")
        _ = try desk.checkIn(reference: "R-2", station: "desk-2")
        #expect(try dashboard.delegates().map(\.reference) == ["R-2", "R-1"])
        #expect(try dashboard.logEntries().compactMap(\.reference) == ["R-1", "R-2"])

        _ = try dashboard.correctName(
            of: "R-2", to: PersonNameFields(givenName: "Mihai", familyName: "Zamfir"), station: "desk-1", staff: nil)
        #expect(try desk.delegates().map(\.familyName) == ["Ionescu", "Zamfir"])
        #expect(try desk.logEntries().map(\.kind) == [.checkIn, .checkIn, .nameCorrected])
    }
}
