public import Foundation
import GRDB
public import Roster

extension RosterDatabase {
    /// Appends entries to the on-site log in one durable transaction, keeping derived state (who is inside each
    /// place) in step. Entries already present (same UUID: replayed, or from another station) are skipped, so
    /// appending twice changes nothing.
    /// - Returns: How many entries were new.
    @discardableResult
    public func append(_ entries: [LogEntry]) throws -> Int {
        try storeAccess {
            try writer.write { db in
                var inserted = 0
                for entry in entries where try Self.insert(entry, db) {
                    inserted += 1
                    if case .scan(let scan) = entry.details { try Self.updatePresence(scan, of: entry, db) }
                }
                return inserted
            }
        }
    }

    /// The log, oldest first; optionally only one kind or one delegate. The whole log is read from the file only as
    /// far as it grew since the last call.
    public func logEntries(kind: LogKind? = nil, reference: String? = nil) throws -> [LogEntry] {
        try storeAccess {
            try writer.read { db in
                if kind == nil && reference == nil { return try snapshots.logEntries(db) }
                var request = LogRow.order(LogRow.Columns.position)
                if let kind { request = request.filter(LogRow.Columns.kind == kind.rawValue) }
                if let reference { request = request.filter(LogRow.Columns.reference == reference) }
                return try request.fetchAll(db).map { try $0.entry() }
            }
        }
    }

    /// Checks a delegate in at a desk, durably, following ``CheckInPolicy``: the first check-in of an event day is
    /// that day's arrival; checking in again the same day is harmless, and the receipt names the earlier one. A
    /// delegate with flags not yet acknowledged is not checked in until `acknowledging` names them all; the
    /// acknowledgements are logged with the check-in.
    /// - Parameters:
    ///   - reference: The delegate's reference.
    ///   - station: The desk's name.
    ///   - staff: Who checked them in, when signed in.
    ///   - force: An organiser's override for a cancelled registration; recorded as such.
    ///   - acknowledging: The flags staff have read.
    ///   - now: The time of arrival.
    /// - Throws: ``LanyardError`` `notFound`, `noEvent`, `registrationCancelled` or `attentionRequired`.
    public func checkIn(
        reference: String, station: String, staff: String? = nil, force: Bool = false, acknowledging: Set<UUID> = [],
        at now: Date = Date()
    ) throws -> CheckInReceipt {
        try storeAccess {
            try writer.write { db in
                let event = try Self.event(db)
                let delegate = try Self.delegate(reference, db)
                let today = event.arrivalDay(at: now)
                let undone = try Self.undoneCheckIns(of: delegate.reference, db)
                let earlier = try Self.entries(of: .checkIn, for: delegate.reference, db)
                    .first { $0.details.checkIn?.day == today && !undone.contains($0.id) }
                guard
                    var entry = try CheckInPolicy.decide(
                        delegate, earlierToday: earlier, event: event, station: station, force: force, now: now)
                else {
                    return CheckInReceipt(delegate: delegate, entry: earlier!, isFirstCheckIn: false)
                }
                try Self.acknowledgeFlags(of: delegate.reference, acknowledging, station: station, staff: staff, at: now, db)
                entry.staff = staff
                _ = try Self.insert(entry, db)
                return CheckInReceipt(delegate: delegate, entry: entry, isFirstCheckIn: true)
            }
        }
    }

    /// The check-ins of `reference` that were undone.
    static func undoneCheckIns(of reference: String, _ db: Database) throws -> Set<UUID> {
        Set(
            try entries(of: .checkInUndone, for: reference, db).compactMap { entry -> UUID? in
                if case .checkInUndone(let undo) = entry.details { undo.checkIn } else { nil }
            })
    }

    /// Records that a delegate left the site (checked out at a desk): they leave the roll-call until they arrive
    /// again.
    /// - Throws: ``LanyardError`` `notFound` or `noEvent`.
    public func checkOut(reference: String, station: String, staff: String? = nil, at now: Date = Date()) throws -> LogEntry {
        try storeAccess {
            try writer.write { db in
                let event = try Self.event(db)
                let delegate = try Self.delegate(reference, db)
                let entry = LogEntry(
                    at: now, reference: delegate.reference, station: station, staff: staff,
                    details: .checkOut(CheckOutDetails(day: event.arrivalDay(at: now))))
                _ = try Self.insert(entry, db)
                return entry
            }
        }
    }

    /// Inserts `entry` unless an entry with its id is there already; returns whether it was new.
    /// Stores `entry` unless the log holds it already (same id). One made here (`numbering`) without a sequence
    /// number is given its station's next.
    /// - Returns: Whether it was new.
    static func insert(_ entry: LogEntry, _ db: Database, numbering: Bool = true) throws -> Bool {
        var row = try LogRow(entry)
        if numbering, row.sequence == nil { row.sequence = (try lastSequence(of: entry.station, db) ?? 0) + 1 }
        try row.insert(db, onConflict: .ignore)
        return db.changesCount > 0
    }

    /// The sequence number `station`'s next entry follows: the highest of its entries this log holds, or the floor
    /// its hub gave when it joined again, whichever is higher; nil when there is neither.
    public func lastSequence(of station: String) throws -> Int64? {
        try storeAccess { try writer.read { db in try Self.lastSequence(of: station, db) } }
    }

    static func lastSequence(of station: String, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(
            db,
            sql: """
                SELECT MAX(number) FROM (SELECT MAX(sequence) AS number FROM log WHERE station = ?
                    UNION ALL SELECT position FROM syncCursor WHERE name = ?)
                """, arguments: [station, sequenceFloor(of: station)])
    }

    /// Numbers `station`'s next entries after `last` at least: the hub holds entries it made up to there (a station
    /// joining again with an empty folder).
    public func raiseSequenceFloor(of station: String, to last: Int64) throws {
        try storeAccess {
            try writer.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO syncCursor (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = MAX(position, excluded.position)",
                    arguments: [Self.sequenceFloor(of: station), last])
            }
        }
    }

    /// The sync cursor holding the number `station`'s entries are numbered after at least.
    static func sequenceFloor(of station: String) -> String { "sequence floor \(station)" }

    /// `reference`'s entries of one kind, oldest first.
    static func entries(of kind: LogKind, for reference: String, _ db: Database) throws -> [LogEntry] {
        try LogRow.filter(LogRow.Columns.reference == reference).filter(LogRow.Columns.kind == kind.rawValue)
            .order(LogRow.Columns.position).fetchAll(db).map { try $0.entry() }
    }

    /// The delegate with `reference`, inside a transaction.
    static func delegate(_ reference: String, _ db: Database) throws -> Delegate {
        guard let record = try DelegateRecord.filter(DelegateRecord.Columns.reference == reference).fetchOne(db) else {
            throw LanyardError.noSuchDelegate(reference)
        }
        return record.delegate
    }
}

extension LanyardError {
    /// No delegate has `reference`.
    static func noSuchDelegate(_ reference: String) -> LanyardError {
        LanyardError(
            .notFound, "No delegate has the reference \(reference).",
            remedy: "Search by name, or register them as a walk-in.")
    }
}

extension RosterDatabase {
    /// The log entry with `id`, if there is one.
    public func logEntry(_ id: UUID) throws -> LogEntry? {
        try storeAccess { try writer.read { db in try LogRow.filter(LogRow.Columns.id == id.uuidString).fetchOne(db)?.entry() } }
    }
}
