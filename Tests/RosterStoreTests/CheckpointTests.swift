import Foundation
import GRDB
import Roster
import Testing

@testable import RosterStore

@Suite struct CheckpointTests {
    @Test func aCheckpointWithoutWaitingIsNeverBusyWhileAnotherConnectionReadsAndMovesTheLogOnceItHasRead() throws {
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let database = try RosterDatabase.open(in: folder, busyTimeout: 0.2)
        try database.createEvent(
            Event(name: "ESOCC", venue: "Arena", firstDay: "2027-03-09", dayCount: 3, timeZoneIdentifier: "Europe/London"))
        // Another connection (a door's process, say) holds a read transaction of an older moment.
        let door = try DatabasePool(path: folder.rosterURL.path)
        let moved = try door.read { db in
            _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM delegate")
            try database.advanceRosterRevision()
            #expect(throws: LanyardError.self) { try database.checkpoint() }
            return try database.checkpointWithoutWaiting()
        }
        #expect(try database.checkpointWithoutWaiting() > moved)
    }
}

extension RosterDatabase {
    /// A write after the reader's moment, so that the log holds a frame that reader still needs.
    fileprivate func advanceRosterRevision() throws {
        try writer.write { db in try db.execute(sql: "UPDATE rosterRevision SET value = value + 1") }
    }
}
