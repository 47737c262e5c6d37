import Foundation
import GRDB
import LanyardTestSupport
import Roster
import RosterStore
import Testing

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
    @Test func aStoreOpenedAfterAnotherPreparedSearchLoadsTheStoredIndexAndNeverOneStoredForAnOlderRoster() throws {
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let first = try RosterDatabase.open(in: folder)
        try first.createEvent(Event(name: "E", venue: "V", firstDay: "2027-03-09", dayCount: 1, timeZoneIdentifier: "UTC"))
        _ = try first.apply(delegates: [Delegate(reference: "R-1", givenName: "Ana", familyName: "Ionescu", category: "DEL")])
        try first.prepareSearch()
        try first.storeSearchIndex()
        let file = try DatabaseQueue(path: folder.rosterURL.path)
        let revisions = try file.read { db in try Int64.fetchAll(db, sql: "SELECT DISTINCT revision FROM searchIndex") }
        #expect(revisions == [try first.rosterRevision()])

        // The stored index is what the next store searches: one that finds R-1 under another name proves it is loaded.
        let id = try file.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM delegate WHERE reference = 'R-1'") }!
        let marked = SearchIndex([
            (
                id,
                SearchDocument(
                    reference: "r-1", familyName: "Marker", givenName: "Ana", nativeName: nil, email: "", organisation: "",
                    country: "", folder: first.folder)
            )
        ])
        try file.write { db in
            for (part, body) in marked.serializedParts().enumerated() {
                try db.execute(sql: "UPDATE searchIndex SET body = ? WHERE part = ?", arguments: [Data(body), part])
            }
        }
        #expect(try RosterDatabase.open(in: folder).search("marker").map(\.delegate.reference) == ["R-1"])

        // A roster changed since: the stored index is of an older revision, and a new store builds its own.
        _ = try first.apply(delegates: [Delegate(reference: "R-2", givenName: "Mihai", familyName: "Ionescu", category: "DEL")])
        let later = try RosterDatabase.open(in: folder)
        #expect(try later.search("marker").isEmpty)
        #expect(try later.search("ionescu").map(\.delegate.reference) == ["R-1", "R-2"])

        // A stored index that cannot be read is built again rather than failing the search.
        try later.prepareSearch()
        try later.storeSearchIndex()
        try file.write { db in try db.execute(sql: "DELETE FROM searchIndex WHERE part = 3") }
        #expect(try RosterDatabase.open(in: folder).search("ionescu").map(\.delegate.reference) == ["R-1", "R-2"])
    }

    @Test func aOneShotSearchAnswersThenKeepsTheIndexItBuiltForTheNextProcessToLoad() throws {
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let store = try RosterDatabase.open(in: folder)
        try store.createEvent(Event(name: "E", venue: "V", firstDay: "2027-03-09", dayCount: 1, timeZoneIdentifier: "UTC"))
        _ = try store.apply(delegates: [Delegate(reference: "R-1", givenName: "Ana", familyName: "Ionescu", category: "DEL")])
        let file = try DatabaseQueue(path: folder.rosterURL.path)
        #expect(try file.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM searchIndex") } == 0)

        let searched = try LanyardProcess(data: folder.url).run("search", "ionescu")
        #expect(searched.status == 0, "\(searched.stderr)")
        #expect(searched.stdout.contains("R-1"))
        let revisions = try file.read { db in try Int64.fetchAll(db, sql: "SELECT DISTINCT revision FROM searchIndex") }
        #expect(revisions == [try store.rosterRevision()])
    }

    @Test func theIndexAStoreBuildsFromItsColumnsIsTheOneItsDelegatesDocumentsMake() throws {
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let store = try RosterDatabase.open(in: folder)
        try store.createEvent(Event(name: "E", venue: "V", firstDay: "2027-03-09", dayCount: 1, timeZoneIdentifier: "UTC"))
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
        let file = try DatabaseQueue(path: folder.rosterURL.path)
        let stored = try file.read { db in try Data.fetchAll(db, sql: "SELECT body FROM searchIndex ORDER BY part").map { [UInt8]($0) } }
        let ids = try file.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM delegate ORDER BY id") }
        let documents = zip(ids, delegates).map { ($0, SearchDocument($1, folder: store.folder)) }
        #expect(stored == SearchIndex(documents).serializedParts())
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
