import Foundation
import Roster
import RosterStore
import Testing

@Suite struct LogOutboxTests {
    static func scan(_ reference: String) -> LogEntry {
        LogEntry(
            reference: reference, station: "door",
            details: .scan(ScanDetails(door: "Venue", direction: .in, verdict: .admit, reason: "admitted")))
    }

    @Test func scansLeftInTheOutboxOfAStationThatDiedAreWrittenIntoTheStoreOnceAtTheNextStart() throws {
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let database = try RosterDatabase.open(in: folder)
        let entries = [Self.scan("R-1"), Self.scan("R-2")]
        // A station answered two scans, wrote one of them into the store, and died: its outbox is no longer locked.
        var outbox: LogOutbox? = try LogOutbox(folder: folder, name: "door")
        try outbox?.append(entries)
        try database.append([entries[0]])
        let file = try #require(outbox?.url)
        outbox = nil
        #expect(FileManager.default.fileExists(atPath: file.path))

        #expect(try LogOutbox.recover(in: folder, into: database) == 1)
        #expect(Set(try database.logEntries().map(\.id)) == Set(entries.map(\.id)))
        #expect(!FileManager.default.fileExists(atPath: file.path))
        #expect(try LogOutbox.recover(in: folder, into: database) == 0)
        #expect(try database.occupancy(of: "Venue") == 2)
    }

    @Test func scansWrittenByDoorsTakingTurnsAreAllOnDiskOnceTheLastIsSyncedAndRecoveredInOrder() async throws {
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let database = try RosterDatabase.open(in: folder)
        var outbox: LogOutbox? = try LogOutbox(folder: folder, name: "door")
        let entries = (1...40).map { Self.scan("R-\($0)") }
        // Each door writes in its turn, then syncs through its own append, concurrently with the others.
        let numbers = try entries.map { try outbox!.write([$0]) }
        #expect(numbers == Array(1...40))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in numbers.shuffled() { group.addTask { [outbox] in try outbox!.sync(through: number) } }
            try await group.waitForAll()
        }
        outbox = nil
        #expect(try LogOutbox.recover(in: folder, into: database) == 40)
        #expect(try database.logEntries().map(\.id) == entries.map(\.id))
    }

    @Test func theOutboxOfARunningStationIsLeftAlone() throws {
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let database = try RosterDatabase.open(in: folder)
        let outbox = try LogOutbox(folder: folder, name: "door")
        try outbox.append([Self.scan("R-1")])
        #expect(try LogOutbox.recover(in: folder, into: database) == 0)
        #expect(FileManager.default.fileExists(atPath: outbox.url.path))
        try outbox.clear()
    }
}
