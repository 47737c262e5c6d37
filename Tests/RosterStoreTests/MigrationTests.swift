import Badges
import Foundation
import GRDB
import Roster
import Testing

@testable import RosterStore

@Suite struct MigrationTests {
    @Test func aVersionOneStoreIsMigratedAndKeepsItsRosterAndLog() throws {
        // Given a store written by the first release (roster and log, no badge registry)
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        try folder.create()
        let old = try DatabasePool(path: folder.rosterURL.path)
        try RosterDatabase.migrator.migrate(old, upTo: "v1-roster")
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO delegate (reference, title, givenName, familyName, organisation, country, category, email,
                        sessions, days, status, updatedAt)
                    VALUES ('R-1', '', 'Ana', 'Popa', 'X', 'RO', 'DEL', '', '["A1"]', '[1]', 'confirmed', '2027-03-01 10:00:00')
                    """)
            try db.execute(
                sql: """
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
        let issue = try #require(try database.nextBadges(for: ["R-1"]).first)
        #expect(issue.serial == 1)
    }

    @Test func georgianNamesInCapitalsInAnEarlierStoreAreFoldedAgainAndFoundByTheirLatinSpelling() throws {
        // Given a store of the previous release, whose folding left Georgian capitals (Mtavruli) as they were
        let (folder, _) = try earlierStore(
            upTo: "v16-roster-import-changes", given: "Ნინო", family: "Ბერიძე", country: "GE", folded: ("ბeridze", "ნino"))
        defer { try? FileManager.default.removeItem(at: folder.url) }

        // When the current release opens it
        let database = try RosterDatabase.open(in: folder)

        // Then the name is found by its Latin spelling, and by the capitals as typed
        #expect(try database.search("beridze nino").map(\.delegate.reference) == ["R-1"])
        #expect(try database.search("Ბერიძე").map(\.delegate.reference) == ["R-1"])
    }

    @Test func aBulgarianNameInAnEarlierStoreIsFoldedAgainAndFoundByTheSpellingOnItsBadge() throws {
        // Given a store of the previous release, whose folding knew only the Russian and Ukrainian romanisations
        let (folder, revision) = try earlierStore(
            upTo: "v17-georgian-capitals", given: "Иван", family: "Щерев", country: "BG", folded: ("shcherev serev", "ivan"))
        defer { try? FileManager.default.removeItem(at: folder.url) }

        // When the current release opens it
        let database = try RosterDatabase.open(in: folder)

        // Then the name is found as its badge spells it, and as before, and a search index stored before is stale
        #expect(try database.search("shterev").map(\.delegate.reference) == ["R-1"])
        #expect(try database.search("shcherev").map(\.delegate.reference) == ["R-1"])
        #expect(try database.rosterRevision() != revision)
    }

    @Test func aCyrillicNameInAnEarlierStoreIsFoldedAgainAndFoundByItsPassportSpelling() throws {
        // Given a store of the previous release, whose folding knew the BGN/PCGN and scholarly romanisations only
        let (folder, revision) = try earlierStore(
            upTo: "v19-search-index-file", given: "Юлия", family: "Шамрай", country: "UA",
            folded: ("shamray shamray samraj", "yuliya yuliya julija"))
        defer { try? FileManager.default.removeItem(at: folder.url) }

        // When the current release opens it
        let database = try RosterDatabase.open(in: folder)

        // Then the name is found as the passport spells it, and as before, and a search index stored before is stale
        #expect(try database.search("iuliia shamrai").map(\.delegate.reference) == ["R-1"])
        #expect(try database.search("yuliya shamray").map(\.delegate.reference) == ["R-1"])
        #expect(try database.rosterRevision() != revision)
    }

    /// A store of an earlier release, migrated up to `migration`, holding one delegate (R-1) folded as that release
    /// folded them; with the roster's revision then.
    private func earlierStore(
        upTo migration: String, given: String, family: String, country: String, folded: (family: String, given: String)
    ) throws -> (folder: DataFolder, revision: Int64?) {
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        try folder.create()
        let old = try DatabasePool(path: folder.rosterURL.path)
        try RosterDatabase.migrator.migrate(old, upTo: migration)
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO delegate (reference, title, givenName, familyName, organisation, country, category, email,
                        sessions, days, status, updatedAt, searchFamily, searchGiven, searchOther)
                    VALUES ('R-1', '', ?, ?, '', ?, 'DEL', '', '[]', '[]', 'confirmed', '2027-03-01 10:00:00', ?, ?, 'r-1')
                    """, arguments: [given, family, country, folded.family, folded.given])
        }
        let revision = try old.read { db in try Int64.fetchOne(db, sql: "SELECT value FROM rosterRevision") }
        try old.close()
        return (folder, revision)
    }

    @Test func aVersionFiveStoresStringDetailsBecomeTypedRecords() throws {
        // Given a store of the previous release, whose log details were dictionaries of strings
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        try folder.create()
        let old = try DatabasePool(path: folder.rosterURL.path)
        try RosterDatabase.migrator.migrate(old, upTo: "v5-search-in-memory")
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO event (id, name, venue, firstDay, dayCount, timeZone, createdAt)
                    VALUES ('\(UUID().uuidString)', 'E', 'V', '2027-03-09', 3, 'Europe/London', '2027-03-01 10:00:00')
                    """)
            let rows: [(String, String, String)] = [
                ("2027-03-10 08:00:00", "check-in", #"{"forced":"true"}"#),
                ("2027-03-10 08:01:00", "badge-issued", #"{"serial":"2","reprint":"true"}"#),
                ("2027-03-10 08:02:00", "badge-revoked", #"{"serial":"2"}"#),
                ("2027-03-10 09:00:00", "scan", #"{"door":"A4","direction":"out","verdict":"ADMIT","reason":"exit","serial":"2"}"#),
            ]
            for (at, kind, details) in rows {
                try db.execute(
                    sql: "INSERT INTO log (id, at, kind, reference, station, details) VALUES (?, ?, ?, 'R-1', 'desk-1', ?)",
                    arguments: [UUID().uuidString, at, kind, details])
            }
            try db.execute(sql: "INSERT INTO badge (reference, serial, issuedAt, isRevoked) VALUES ('R-1', 2, '2027-03-10 08:01:00', 1)")
        }
        try old.close()

        // When the current release opens it
        let database = try RosterDatabase.open(in: folder)

        // Then every entry reads as its typed record, and the revoked badge stays revoked
        let details = try database.logEntries().map(\.details)
        #expect(
            details == [
                .checkIn(CheckInDetails(day: 2, forced: true)),
                .badgeIssued(BadgeIssueDetails(serial: 2, isReprint: true)),
                .badgeRevoked(BadgeRevocationDetails(serial: 2, reason: "revoked")),
                .scan(ScanDetails(door: "A4", direction: .out, verdict: .admit, reason: "exit", serial: 2)),
            ])
        #expect(try database.currentBadge(for: "R-1")?.isRevoked == true)
        // And the log is append-only again
        #expect(throws: (any Error).self) { try database.writer.write { try $0.execute(sql: "DELETE FROM log") } }
    }
}
