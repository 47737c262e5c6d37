public import Foundation
import GRDB
public import Roster

extension RosterDatabase {
    /// Appends entries to the on-site log in one durable transaction. Entries already present (same UUID, say from
    /// another station) are skipped.
    public func append(_ entries: [LogEntry]) throws {
        try storeAccess {
            try writer.write { db in
                for entry in entries { try LogRecord(entry).insert(db, onConflict: .ignore) }
            }
        }
    }

    /// The log, oldest first; optionally only one kind or one delegate.
    public func logEntries(kind: LogEntry.Kind? = nil, reference: String? = nil) throws -> [LogEntry] {
        try storeAccess {
            try writer.read { db in
                var request = LogRecord.order(LogRecord.Columns.position)
                if let kind { request = request.filter(LogRecord.Columns.kind == kind.rawValue) }
                if let reference { request = request.filter(LogRecord.Columns.reference == reference) }
                return try request.fetchAll(db).map(\.entry)
            }
        }
    }

    /// Checks a delegate in at a desk, durably, following ``CheckInPolicy``.
    ///
    /// Checking in twice is harmless: the receipt then names the first check-in.
    /// - Parameters:
    ///   - reference: The delegate's reference.
    ///   - station: The desk's name.
    ///   - force: An organiser's override for a cancelled registration; recorded as such.
    ///   - now: The time of arrival.
    /// - Throws: ``LanyardError`` `notFound` or `registrationCancelled`.
    public func checkIn(reference: String, station: String, force: Bool = false, at now: Date = Date()) throws
        -> CheckInReceipt
    {
        try storeAccess {
            try writer.write { db in
                guard let delegate = try DelegateRecord.filter(DelegateRecord.Columns.reference == reference).fetchOne(db)?.delegate
                else {
                    throw LanyardError(
                        .notFound, "No delegate has the reference \(reference).",
                        remedy: "Search by name with `lanyard search`, or register a walk-in.")
                }
                let earlier = try LogRecord
                    .filter(LogRecord.Columns.reference == delegate.reference)
                    .filter(LogRecord.Columns.kind == LogEntry.Kind.checkIn.rawValue)
                    .order(LogRecord.Columns.position).fetchOne(db)?.entry
                guard let entry = try CheckInPolicy.decide(delegate, earlier: earlier, station: station, force: force, now: now)
                else {
                    return CheckInReceipt(delegate: delegate, entry: earlier!, isFirstCheckIn: false)
                }
                try LogRecord(entry).insert(db)
                return CheckInReceipt(delegate: delegate, entry: entry, isFirstCheckIn: true)
            }
        }
    }
}
