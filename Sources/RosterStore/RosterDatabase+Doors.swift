import Badges
public import Foundation
import GRDB
public import Roster

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

extension RosterDatabase {
    /// Annuls a steward's mistaken scan: only their own latest scan, within `window` of it; logged as
    /// `scan-annulled`, the scan itself staying in the log. Who is inside the scan's place is set back to what the
    /// scans before it said.
    /// - Throws: ``LanyardError`` `notFound`, `notPermitted` (another steward's, or not their latest), `tooLate`, or
    ///   `conflict` (annulled already).
    public func annulScan(
        _ id: UUID, station: String, staff: String?, reason: String?, within window: TimeInterval, at now: Date = Date()
    ) throws -> LogEntry {
        try storeAccess {
            try writer.write { db in
                guard let row = try LogRow.filter(LogRow.Columns.id == id.uuidString).fetchOne(db), case let entry = try row.entry(),
                    let scan = entry.details.scan
                else {
                    throw LanyardError(.notFound, "There is no scan \(id.uuidString).")
                }
                let latest = try LogRow.filter(LogRow.Columns.kind == LogKind.scan.rawValue).filter(LogRow.Columns.staff == staff)
                    .order(LogRow.Columns.position.desc).fetchOne(db)
                guard entry.staff == staff, latest?.id == row.id else {
                    throw LanyardError(.notPermitted, "Only the latest scan a steward made can be annulled, by that steward.")
                }
                // Measured both ways: a scan uploaded with a time ahead of the station's clock gets no longer window.
                guard abs(now.timeIntervalSince(entry.at)) <= window else {
                    throw LanyardError(
                        .tooLate, "That scan is more than \(Int(window / 60)) minutes old and can no longer be annulled.",
                        remedy: "Scan the delegate out, or ask an organiser.")
                }
                guard try !Self.annulledScans(db).contains(id) else {
                    throw LanyardError(.conflict, "That scan was annulled already.")
                }
                let annulment = LogEntry(
                    at: now, reference: entry.reference, station: station, staff: staff,
                    details: .scanAnnulled(ScanAnnulmentDetails(scan: id, reason: reason)))
                _ = try Self.insert(annulment, db)
                if let reference = entry.reference, scan.isPassage { try Self.replayPresence(of: reference, at: scan.door, db) }
                return annulment
            }
        }
    }

    /// The scans annulled so far.
    static func annulledScans(_ db: Database) throws -> Set<UUID> {
        let annulments = try LogRow.filter(LogRow.Columns.kind == LogKind.scanAnnulled.rawValue).fetchAll(db)
        return Set(
            try annulments.compactMap { row -> UUID? in
                if case .scanAnnulled(let annulment) = try row.entry().details { annulment.scan } else { nil }
            })
    }

    /// Sets whether `reference` is inside `place` from their newest admitted scan there that still counts.
    /// - Parameter annulled: The scans annulled, when the caller has read them already.
    static func replayPresence(of reference: String, at place: String, annulled: Set<UUID>? = nil, _ db: Database) throws {
        let annulled = try annulled ?? annulledScans(db)
        let passages = try entries(of: .scan, for: reference, db).filter {
            !annulled.contains($0.id) && $0.details.scan?.door == place && $0.details.scan?.isPassage == true
        }
        try db.execute(sql: "DELETE FROM doorPresence WHERE door = ? AND reference = ?", arguments: [place, reference])
        // The newest in the order every station shares, so that stores holding the same scans agree.
        if let last = passages.max(by: { LogOrder.precedes($0, $1) }), let scan = last.details.scan { try updatePresence(scan, of: last, db) }
    }
}
