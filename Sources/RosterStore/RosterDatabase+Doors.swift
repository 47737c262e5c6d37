import Badges
import Foundation
import GRDB
import Roster

extension RosterDatabase {
    /// What a door needs about `reference`, in one read: the delegate, their current badge and the place's state.
    /// - Parameters:
    ///   - place: The place the door leads into (a session code or an area name).
    ///   - pending: References whose scans the door holds but the store does not have yet: the snapshot says which
    ///     of them the store has inside, so that the door can count its own scans on top without counting twice.
    public func doorSnapshot(reference: String?, place: String, pending: Set<String> = []) throws -> DoorSnapshot {
        try storeAccess {
            try writer.read { db in
                let record = try reference.flatMap { reference in
                    try DelegateRecord.filter(DelegateRecord.Columns.reference == reference).fetchOne(db)
                }
                let canonical = record?.reference ?? reference ?? ""
                let checkedIn =
                    try Bool.fetchOne(
                        db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM log WHERE reference = ? AND kind = 'check-in')"),
                        arguments: [canonical]) ?? false
                let inside =
                    try Bool.fetchOne(
                        db.cachedStatement(sql: "SELECT isInside FROM doorPresence WHERE door = ? AND reference = ?"),
                        arguments: [place, canonical]) ?? false
                let occupancy =
                    try Int.fetchOne(
                        db.cachedStatement(sql: "SELECT COUNT(*) FROM doorPresence WHERE door = ? AND isInside"),
                        arguments: [place]) ?? 0
                let insideAmong = try Set(
                    String.fetchAll(
                        db.cachedStatement(
                            sql: """
                                SELECT reference FROM doorPresence
                                WHERE door = ? AND isInside AND reference IN (SELECT value FROM json_each(?))
                                """),
                        arguments: [place, JSONText.array(Array(pending))]))
                return DoorSnapshot(
                    delegate: record?.delegate, badge: try BadgeRecord.fetchOne(db, key: canonical)?.badge,
                    state: DoorState(isCheckedIn: checkedIn, isInside: inside, occupancy: occupancy, insideAmong: insideAmong))
            }
        }
    }

    /// How many people are inside `place` now.
    public func occupancy(of place: String) throws -> Int {
        try doorSnapshot(reference: nil, place: place).state.occupancy
    }

    /// Keeps who is inside each place in step with an admitted scan: the newest scan of a delegate at a place wins,
    /// so a scan replayed or uploaded late never overrides a newer one.
    static func updatePresence(_ scan: ScanDetails, of entry: LogEntry, _ db: Database) throws {
        guard scan.isPassage, let reference = entry.reference else { return }
        try db.cachedStatement(
            sql: """
                INSERT INTO doorPresence (door, reference, isInside, at) VALUES (?, ?, ?, ?)
                ON CONFLICT (door, reference) DO UPDATE SET isInside = excluded.isInside, at = excluded.at
                WHERE doorPresence.at IS NULL OR doorPresence.at <= excluded.at
                """
        ).execute(arguments: [scan.door, reference, scan.direction == .in, entry.at])
    }
}
