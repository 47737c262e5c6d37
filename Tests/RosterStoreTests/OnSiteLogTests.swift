import Foundation
import Roster
import RosterStore
import Testing

@Suite struct OnSiteLogTests {
    static let entries: [LogKind: LogEntry] = Dictionary(
        uniqueKeysWithValues: [
            LogEntry(reference: "R-1", station: "desk-1", details: .checkIn(CheckInDetails(day: 2, forced: true))),
            LogEntry(reference: "R-1", station: "desk-1", details: .checkOut(CheckOutDetails(day: 2))),
            LogEntry(reference: "R-1", station: "desk-1", details: .badgeIssued(BadgeIssueDetails(serial: 3, isReprint: true, reason: "lost"))),
            LogEntry(reference: "R-1", station: "desk-1", details: .badgeRevoked(BadgeRevocationDetails(serial: 3, reason: "stolen"))),
            LogEntry(
                reference: nil, station: "door-3A",
                details: .scan(ScanDetails(door: "A4", direction: .out, verdict: .deny, reason: "bad-signature", serial: 2, claimedReference: "R-9"))),
            LogEntry(
                reference: "R-1", station: "desk-1", details: .print(PrintDetails(key: "k", outcome: .failed, queue: "q", serial: 3, message: "m"))),
            LogEntry(
                reference: "WALKIN-0001", station: "desk-1", staff: "ana",
                details: .walkIn(WalkInDetails(delegate: Delegate(reference: "WALKIN-0001", givenName: "Ana", familyName: "Horvat", category: "DEL")))
            ),
            LogEntry(
                reference: "R-1", station: "desk-1", staff: "ana",
                details: .nameCorrected(
                    NameCorrectionDetails(
                        before: PersonNameFields(givenName: "Jose", familyName: "Garcia"),
                        after: PersonNameFields(givenName: "José", familyName: "García", nativeName: nil)))),
            LogEntry(reference: "R-1", station: "desk-1", staff: "org", details: .flagged(FlagDetails(note: "VIP: call the host"))),
            LogEntry(
                reference: "R-1", station: "desk-1", staff: "ana",
                details: .flagAcknowledged(FlagAcknowledgementDetails(flag: UUID(), note: "VIP: call the host"))),
            LogEntry(
                reference: "R-1", station: "desk-1", staff: "ana", details: .checkInUndone(UndoDetails(checkIn: UUID(), reason: "wrong Petrov"))),
            LogEntry(
                reference: "R-1", station: "door-1", staff: "steward",
                details: .scanAnnulled(ScanAnnulmentDetails(scan: UUID(), reason: "wrong badge"))),
        ].map { ($0.kind, $0) })

    @Test(arguments: LogKind.allCases)
    func everyKindOfEntryKeepsItsTypedDetailsThroughTheStoreAndThroughJSON(_ kind: LogKind) throws {
        let entry = try #require(Self.entries[kind])
        let database = try RosterDatabase.inMemory()
        try database.append([entry])
        let stored = try #require(try database.logEntries().first)
        #expect(stored.details == entry.details)
        #expect(stored.kind == entry.kind)
        #expect(stored.staff == entry.staff)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let json = try encoder.encode(entry)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["schema"] as? Int == LogEntry.schemaVersion)
        #expect(object["kind"] as? String == entry.kind.rawValue)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(LogEntry.self, from: json).details == entry.details)
    }

    @Test func anEntryOfANewerSchemaIsRefusedRatherThanMisread() throws {
        let json = #"{"schema": 99, "id": "\#(UUID().uuidString)", "at": 0, "kind": "scan", "station": "x", "details": {}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LogEntry.self, from: Data(json.utf8)) }
    }

    @Test func entriesKeepTheirUUIDsAndAppendingOneTwiceAddsItOnce() throws {
        let database = try RosterDatabase.inMemory()
        let entry = try #require(Self.entries[.checkIn])
        #expect(try database.append([entry]) == 1)
        #expect(try database.append([entry]) == 0)
        #expect(try database.logEntries().map(\.id) == [entry.id])
    }

    @Test func eachStationNumbersTheEntriesItMakesAndEntriesMergedFromOthersKeepTheirNumbers() throws {
        let database = try RosterDatabase.inMemory()
        let made = (0..<3).map { _ in LogEntry(reference: "R-1", station: "desk-1", details: .checkOut(CheckOutDetails(day: 1))) }
        try database.append(made)
        let fromDoor = LogEntry(reference: "R-1", station: "door-3", sequence: 7, details: .checkOut(CheckOutDetails(day: 1)))
        let unnumbered = LogEntry(reference: "R-1", station: "door-4", details: .checkOut(CheckOutDetails(day: 1)))
        try database.merge([fromDoor, unnumbered])
        try database.append([LogEntry(reference: "R-1", station: "desk-1", details: .checkOut(CheckOutDetails(day: 1)))])
        let numbers = try database.logEntries().map { "\($0.station) \($0.sequence.map(String.init) ?? "none")" }
        #expect(numbers == ["desk-1 1", "desk-1 2", "desk-1 3", "door-3 7", "door-4 none", "desk-1 4"])
        let figures = try database.sequenceFigures()
        #expect(figures["door-3"]?.highest == 7 && figures["door-3"]?.held == 1, "six of door-3's entries are not here")
        #expect(figures["desk-1"]?.highest == 4 && figures["desk-1"]?.held == 4)
    }

    @Test func aBackupOfAnOpenStoreHoldsItsLogAndLeavesTheStoreWorking() throws {
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let database = try RosterDatabase.open(in: folder)
        try database.append([try #require(Self.entries[.checkIn])])
        let copy = folder.url.appendingPathComponent("copy.sqlite")
        try database.backup(to: copy)
        #expect(try RosterDatabase.open(at: copy).logEntries().map(\.id) == [try #require(Self.entries[.checkIn]).id])
        try database.append([try #require(Self.entries[.checkOut])])
        #expect(try database.logEntries().count == 2, "the store goes on after its backup")
    }

    @Test func theLogRefusesUpdatesAndDeletes() throws {
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let database = try RosterDatabase.open(in: folder)
        try database.append([try #require(Self.entries[.scan])])
        // Through the sqlite3 shell, as any other tool would write to the file.
        for statement in ["UPDATE log SET station = 'x';", "DELETE FROM log;"] {
            let sqlite = Process()
            sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            sqlite.arguments = [folder.rosterURL.path, statement]
            let pipe = Pipe()
            sqlite.standardError = pipe
            try sqlite.run()
            sqlite.waitUntilExit()
            let message = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(message.contains("the on-site log is append-only"), "\(statement) gave \(message)")
        }
        #expect(try database.logEntries().count == 1)
    }
}
