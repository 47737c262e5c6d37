import Badges
import Foundation
import GRDB
public import Roster

extension RosterDatabase {
    /// The door-side state of `reference` at the door logged as `door`.
    public func doorState(reference: String, door: String) throws -> DoorState {
        try storeAccess { try writer.read { db in try doorState(db, reference: reference, door: door) } }
    }

    /// What a door needs about `reference`, in one read: the delegate, their current badge and the door's state.
    public func doorSnapshot(reference: String, door: String) throws -> DoorSnapshot {
        try storeAccess {
            try writer.read { db in
                DoorSnapshot(
                    delegate: try DelegateRecord.filter(DelegateRecord.Columns.reference == reference).fetchOne(db)?.delegate,
                    badge: try BadgeRecord.fetchOne(db, key: reference)?.badge,
                    state: try doorState(db, reference: reference, door: door))
            }
        }
    }

    private func doorState(_ db: Database, reference: String, door: String) throws -> DoorState {
                let checkedIn = try Bool.fetchOne(
                    db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM log WHERE reference = ? AND kind = 'check-in')"),
                    arguments: [reference]) ?? false
                let inside = try Bool.fetchOne(
                    db.cachedStatement(sql: "SELECT isInside FROM doorPresence WHERE door = ? AND reference = ?"),
                    arguments: [door, reference]) ?? false
                let occupancy = try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT COUNT(*) FROM doorPresence WHERE door = ? AND isInside"),
                    arguments: [door]) ?? 0
                return DoorState(isCheckedIn: checkedIn, isInside: inside, occupancy: occupancy)
    }

    /// Records a scan durably before its verdict is shown: the log entry, and, for an admitted scan, who is inside.
    /// - Parameters:
    ///   - entry: A `scan` entry whose details hold at least `door`, `direction` and `verdict`.
    public func recordScan(_ entry: LogEntry) throws {
        try storeAccess {
            try writer.write { db in
                try LogRecord(entry).insert(db)
                guard entry.details["verdict"] == "ADMIT", let door = entry.details["door"], let reference = entry.reference else {
                    return
                }
                try db.cachedStatement(sql: """
                    INSERT INTO doorPresence (door, reference, isInside) VALUES (?, ?, ?)
                    ON CONFLICT (door, reference) DO UPDATE SET isInside = excluded.isInside
                    """).execute(arguments: [door, reference, entry.details["direction"] == "in"])
            }
        }
    }
}
