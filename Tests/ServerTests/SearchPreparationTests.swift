import Foundation
import GRDB
import Roster
import Station
import Testing

@testable import RosterStore

/// A station prepares its search as it starts (index, transliterators, the roster read ahead, then the index stored);
/// desks searching meanwhile wait for the index and the read-ahead once rather than each building their own (a
/// matter of speed, which the roster benchmark measures: here, that they answer, that there is one preparation, and
/// that the index built is stored for the next station to load).
@Suite struct SearchPreparationTests {
    @Test func searchesAskedWhileTheStationPreparesItsSearchAnswerInEveryScriptAndOnePreparationRunsAtATimeThenStoresTheIndexItBuilt() async throws {
        let fixture = try await ServerFixture()
        let file = try DatabaseQueue(path: fixture.station.configuration.data.rosterURL.path)
        let recorded = { try file.read { db in try Row.fetchOne(db, sql: "SELECT revision, key FROM searchIndexFile") } }
        let revision = try fixture.station.database.rosterRevision()
        #expect(try recorded()?["revision"] != revision)
        let preparing = fixture.station.startPreparingSearch()
        #expect(fixture.station.startPreparingSearch() == preparing, "one preparation at a time")
        async let byName = fixture.station.search("müller")
        async let byCyrillicName = fixture.station.search("Мюллер")
        async let byReference = fixture.station.search("ESOCC-00012")
        let (name, cyrillic, reference) = try await (byName, byCyrillicName, byReference)
        #expect(name.contains { $0.delegate.delegate.reference == "ESOCC-00012" })
        #expect(cyrillic.contains { $0.delegate.delegate.reference == "ESOCC-00012" })
        #expect(reference.first?.delegate.delegate.reference == "ESOCC-00012")
        await preparing.value
        let stored = try #require(try recorded())
        #expect(stored["revision"] == revision)
        let index = SearchIndexFile(besideStoreAt: fixture.station.configuration.data.rosterURL)
        #expect(index.read(revision: stored["revision"], key: stored["key"]) != nil)
        #expect(try await fixture.station.search("ESOCC-00012").first?.delegate.delegate.reference == "ESOCC-00012")
    }

    @Test func searchesAnswerWhileAnotherProcessHoldsTheStoresWriteLockAndTheIndexIsStoredOnceItLetsGo() async throws {
        let fixture = try await ServerFixture()
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let file = try DatabaseQueue(path: fixture.station.configuration.data.rosterURL.path, configuration: configuration)
        // Another process (here, another connection) in the middle of a write: an import, say.
        try await file.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        let preparing = fixture.station.startPreparingSearch()
        let hits = try await fixture.station.search("ESOCC-00012")
        #expect(hits.first?.delegate.delegate.reference == "ESOCC-00012")
        let recordedWhileLocked = try file.writeWithoutTransaction { db in try Row.fetchOne(db, sql: "SELECT revision FROM searchIndexFile") }
        #expect(recordedWhileLocked == nil)

        try await file.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
        await preparing.value
        let recorded = try file.read { db in try Row.fetchOne(db, sql: "SELECT revision FROM searchIndexFile") }
        #expect(recorded != nil)
    }
}
