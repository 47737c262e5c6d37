public import Badges
public import Foundation
import GRDB
public import Roster

extension RosterDatabase: BadgeRegistry {
    public func currentBadge(for reference: String) throws -> IssuedBadge? {
        try storeAccess { try writer.read { db in try BadgeRecord.fetchOne(db, key: reference)?.badge } }
    }

    public func hasDelegate(_ reference: String) throws -> Bool {
        try storeAccess {
            try writer.read { db in try DelegateRecord.filter(DelegateRecord.Columns.reference == reference).fetchCount(db) > 0 }
        }
    }

    /// Issues a delegate's badge: serial 1 the first time, the next serial at a reprint (the older badge stops
    /// working). Logged as `badge-issued` with the serial and whether it was a reprint.
    /// - Returns: The delegate, the badge now current, and when it was issued.
    public func issueBadge(reference: String, station: String, at now: Date = Date()) throws -> (IssuedBadge, Date) {
        let (_, badge) = try issueBadges(references: [reference], station: station, at: now)[0]
        return (badge, now)
    }

    /// Issues badges for many delegates in one durable transaction (pre-printing the roster).
    /// - Returns: Each delegate with their badge now current, in the order given.
    public func issueBadges(references: [String], station: String, at now: Date = Date()) throws -> [(Delegate, IssuedBadge)] {
        try storeAccess {
            try writer.write { db in
                try references.map { reference in
                    guard let delegate = try DelegateRecord.filter(DelegateRecord.Columns.reference == reference).fetchOne(db) else {
                        throw LanyardError(.notFound, "No delegate has the reference \(reference).")
                    }
                    let previous = try BadgeRecord.fetchOne(db, key: delegate.reference)
                    let record = BadgeRecord(
                        reference: delegate.reference, serial: (previous?.serial ?? 0) + 1, issuedAt: now, isRevoked: false)
                    try record.save(db)
                    try LogRecord(LogEntry(
                        at: now, kind: .badgeIssued, reference: delegate.reference, station: station,
                        details: ["serial": String(record.serial), "reprint": String(previous != nil)])).insert(db)
                    return (delegate.delegate, record.badge)
                }
            }
        }
    }

    /// Revokes a delegate's current badge (lost and not replaced, or withdrawn); logged as `badge-revoked`.
    public func revokeBadge(reference: String, station: String, at now: Date = Date()) throws {
        try storeAccess {
            try writer.write { db in
                guard var record = try BadgeRecord.fetchOne(db, key: reference) else {
                    throw LanyardError(.notFound, "No badge was issued to \(reference).")
                }
                record.isRevoked = true
                try record.update(db)
                try LogRecord(LogEntry(
                    at: now, kind: .badgeRevoked, reference: record.reference, station: station,
                    details: ["serial": String(record.serial)])).insert(db)
            }
        }
    }
}
