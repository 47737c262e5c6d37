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

    /// The badges `references` would be issued next, in the order given, without recording anything.
    /// - Throws: ``LanyardError`` `notFound` for a reference nobody has.
    public func nextBadges(for references: [String], reason: String? = nil) throws -> [BadgeIssue] {
        try storeAccess {
            try writer.read { db in
                try references.map { reference in
                    let delegate = try Self.delegate(reference, db)
                    let current = try BadgeRecord.fetchOne(db, key: delegate.reference)
                    return BadgeIssue(delegate: delegate, serial: (current?.serial ?? 0) + 1, reason: reason)
                }
            }
        }
    }

    /// Records badges that were signed and rendered, in one durable transaction: each becomes the delegate's badge
    /// in force (the older one stops working) and is logged as `badge-issued`.
    /// - Returns: The `badge-issued` entries, in the order given.
    /// - Throws: ``LanyardError`` `conflict` when another badge was issued to one of them meanwhile (nothing is
    ///   recorded; prepare them again).
    @discardableResult
    public func recordBadgeIssues(_ issues: [BadgeIssue], station: String, at now: Date = Date()) throws -> [LogEntry] {
        try storeAccess { try writer.write { db in try Self.record(issues, station: station, at: now, db) } }
    }

    @discardableResult
    static func record(_ issues: [BadgeIssue], station: String, staff: String? = nil, at now: Date, _ db: Database) throws -> [LogEntry] {
        try issues.map { issue in
            let current = try BadgeRecord.fetchOne(db, key: issue.delegate.reference)
            guard (current?.serial ?? 0) + 1 == issue.serial else {
                throw LanyardError(
                    .conflict, "Another badge was issued to \(issue.delegate.reference) meanwhile (serial \(current?.serial ?? 0)).",
                    remedy: "Issue the badge again.")
            }
            try BadgeRecord(reference: issue.delegate.reference, serial: issue.serial, issuedAt: now, revocationReason: nil)
                .save(db)
            let details = BadgeIssueDetails(serial: issue.serial, isReprint: issue.isReprint, reason: issue.reason)
            let entry = LogEntry(at: now, reference: issue.delegate.reference, station: station, staff: staff, details: .badgeIssued(details))
            _ = try insert(entry, db)
            return entry
        }
    }

    /// Revokes a delegate's badge in force (lost or stolen and not replaced, or withdrawn); logged as
    /// `badge-revoked` with its reason, which doors give when they deny it.
    /// - Returns: The revoked badge and its `badge-revoked` entry.
    /// - Throws: ``LanyardError`` `notFound` when the delegate has no badge.
    public func revokeBadge(
        reference: String, reason: String, station: String, staff: String? = nil, at now: Date = Date()
    ) throws
        -> (IssuedBadge, LogEntry)
    {
        try storeAccess {
            try writer.write { db in
                let delegate = try Self.delegate(reference, db)
                guard var record = try BadgeRecord.fetchOne(db, key: delegate.reference) else {
                    throw LanyardError(.notFound, "No badge was issued to \(delegate.reference), so there is none to revoke.")
                }
                record.revocationReason = reason
                try record.update(db)
                let entry = LogEntry(
                    at: now, reference: record.reference, station: station, staff: staff,
                    details: .badgeRevoked(BadgeRevocationDetails(serial: record.serial, reason: reason)))
                _ = try Self.insert(entry, db)
                return (record.badge, entry)
            }
        }
    }
}
