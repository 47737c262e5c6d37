public import Foundation
import GRDB
import Roster

extension RosterDatabase {
    /// Flags `reference`: their next check-in stops until staff acknowledge `note`. Logged as `flagged`.
    /// - Returns: The flag.
    public func flag(_ reference: String, note: String, station: String, staff: String?, at now: Date = Date()) throws -> DelegateFlag {
        try storeAccess {
            try writer.write { db in
                let delegate = try Self.delegate(reference, db)
                let details = FlagDetails(note: note)
                try Self.insertFlag(details, for: delegate.reference, at: now, db)
                _ = try Self.insert(
                    LogEntry(at: now, reference: delegate.reference, station: station, staff: staff, details: .flagged(details)), db)
                return DelegateFlag(id: details.flag, reference: delegate.reference, note: note, setAt: now, acknowledgedAt: nil)
            }
        }
    }

    /// The flags of `reference`, oldest first; with `pendingOnly`, those not acknowledged yet.
    public func flags(of reference: String, pendingOnly: Bool = false) throws -> [DelegateFlag] {
        try storeAccess { try writer.read { db in try Self.flags(of: reference, pendingOnly: pendingOnly, db) } }
    }

    static func flags(of reference: String, pendingOnly: Bool, _ db: Database) throws -> [DelegateFlag] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, reference, note, setAt, acknowledgedAt FROM delegateFlag
                WHERE reference = ? \(pendingOnly ? "AND acknowledgedAt IS NULL" : "") ORDER BY setAt
                """, arguments: [reference]
        ).map { row in
            DelegateFlag(
                id: UUID(uuidString: row["id"]) ?? UUID(), reference: row["reference"], note: row["note"], setAt: row["setAt"],
                acknowledgedAt: row["acknowledgedAt"])
        }
    }

    static func insertFlag(_ details: FlagDetails, for reference: String, at now: Date, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO delegateFlag (id, reference, note, setAt) VALUES (?, ?, ?, ?)",
            arguments: [details.flag.uuidString, reference, details.note, now])
    }

    /// Acknowledges the pending flags of `reference`, which `acknowledged` must name every one of, and logs each.
    /// - Throws: ``LanyardError`` `attentionRequired` listing the flags not acknowledged.
    static func acknowledgeFlags(
        of reference: String, _ acknowledged: Set<UUID>, station: String, staff: String?, at now: Date, _ db: Database
    ) throws {
        let pending = try flags(of: reference, pendingOnly: true, db)
        let unread = pending.filter { !acknowledged.contains($0.id) }
        guard unread.isEmpty else {
            throw LanyardError(
                .attentionRequired, "\(reference) is flagged: \(unread.map(\.note).joined(separator: "; ")).",
                remedy: "Read the flags, then check them in again acknowledging them.")
        }
        for flag in pending {
            try db.execute(sql: "UPDATE delegateFlag SET acknowledgedAt = ? WHERE id = ?", arguments: [now, flag.id.uuidString])
            let details = FlagAcknowledgementDetails(flag: flag.id, note: flag.note)
            _ = try insert(LogEntry(at: now, reference: reference, station: station, staff: staff, details: .flagAcknowledged(details)), db)
        }
    }
}
