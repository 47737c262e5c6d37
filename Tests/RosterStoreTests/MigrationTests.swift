import Badges
import Foundation
import GRDB
import Roster
@testable import RosterStore
import Testing

@Suite struct MigrationTests {
    @Test func aVersionOneStoreIsMigratedAndKeepsItsRosterAndLog() throws {
        // Given a store written by the first release (roster and log, no badge registry)
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        try folder.create()
        let old = try DatabasePool(path: folder.rosterURL.path)
        try RosterDatabase.migrator.migrate(old, upTo: "v1-roster")
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO delegate (reference, title, givenName, familyName, organisation, country, category, email,
                    sessions, days, status, updatedAt)
                VALUES ('R-1', '', 'Ana', 'Popa', 'X', 'RO', 'DEL', '', '["A1"]', '[1]', 'confirmed', '2027-03-01 10:00:00')
                """)
            try db.execute(sql: """
                INSERT INTO log (id, at, kind, reference, station, details)
                VALUES ('\(UUID().uuidString)', '2027-03-09 08:00:00', 'check-in', 'R-1', 'desk-1', '{}')
                """)
        }
        #expect(try old.read { try $0.tableExists("badge") } == false)
        try old.close()

        // When the current release opens it
        let database = try RosterDatabase.open(in: folder)

        // Then the roster and the log are there, the roster can be searched, and badges can be issued
        #expect(try database.delegate("R-1").sessions == ["A1"])
        #expect(try database.search("popa").map(\.delegate.reference) == ["R-1"])
        #expect(try database.logEntries(kind: .checkIn).map(\.station) == ["desk-1"])
        let (badge, _) = try database.issueBadge(reference: "R-1", station: "desk-1")
        #expect(badge.serial == 1)
    }
}
