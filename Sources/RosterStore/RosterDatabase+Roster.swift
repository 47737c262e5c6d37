public import Foundation
import GRDB
public import Roster

extension RosterDatabase {
    /// Upserts categories, sessions and delegates in one transaction, keyed by code and reference.
    ///
    /// Changed delegates are updated in place and keep their store identity, so nothing recorded on site about
    /// them (check-ins, badges) is touched; delegates missing from `delegates` are left as they are.
    /// - Returns: What changed.
    /// - Parameter fromHub: The roster comes from the hub (a copy taking the event's roster): its changes are not
    ///   this copy's own to share.
    public func apply(
        categories: [Category] = [], sessions: [Session] = [], delegates: [Delegate], at now: Date = Date(), fromHub: Bool = false
    ) throws -> RosterChanges {
        // No flags come this way, so none is logged at any station.
        try apply(sessions: sessions, at: now, station: "", keepingChanges: !fromHub) { write in
            try write(delegates, SearchDocument.folding(delegates, with: folder), [:])
            return categories
        }
    }

    /// Receives one batch of delegates, with their folded spellings in step and the flags the roster gives some of
    /// them (reference → note), inside an import's transaction.
    public typealias DelegateBatchWriter = (
        _ delegates: [Delegate], _ searchDocuments: [SearchDocument], _ flags: [String: String]
    ) throws -> Void

    /// Upserts as ``apply(categories:sessions:delegates:at:)`` does, in one transaction, with the delegates
    /// handed over in batches while `batches` runs, so that checking a large file and writing it overlap.
    /// - Parameters:
    ///   - station: The station importing, which the flags the roster sets are logged as made at.
    ///   - batches: Calls its argument with each batch, in file order, and returns the categories to upsert (known
    ///     only once every row has been read). Throwing from it writes nothing.
    ///   - keepingChanges: Whether a copy that has been in step with its hub keeps the references changed, to share
    ///     them (an import here); not for a roster taken from the hub.
    public func apply(
        sessions: [Session] = [], at now: Date = Date(), station: String, keepingChanges: Bool = true,
        batches: (_ write: DelegateBatchWriter) throws -> [Category]
    ) throws -> RosterChanges {
        try storeAccess {
            try writer.write { db in
                var upsert = try RosterUpsert(db, folder: folder, at: now, station: station, keepingChanges: keepingChanges)
                try upsert.upsert(sessions)
                let categories = try batches { delegates, documents, flags in
                    try upsert.upsert(delegates, searchDocuments: documents, flags: flags)
                }
                try upsert.upsert(categories)
                try upsert.finish()
                return upsert.changes
            }
        }
    }

    /// The delegate with `reference` (case-insensitive).
    /// - Throws: ``LanyardError`` `notFound` when there is none.
    public func delegate(_ reference: String) throws -> Delegate {
        let record = try storeAccess {
            try writer.read { db in
                try DelegateRecord.filter(DelegateRecord.Columns.reference == reference.trimmingCharacters(in: .whitespaces))
                    .fetchOne(db)
            }
        }
        guard let record else { throw LanyardError.noSuchDelegate(reference) }
        return record.delegate
    }

    /// A number that moves on whenever the roster changes (an import, a walk-in, a name corrected), here or in
    /// another process: what a cache of anything derived from the roster compares.
    public func rosterRevision() throws -> Int64 {
        try storeAccess { try writer.read { db in try Self.rosterRevisions(db).value } }
    }

    /// A number that moves on when an import changes the roster (a file, the registration system, a hub's roster
    /// taken), but not for what the log changes (walk-ins, corrected names), which stations take from the log: the
    /// revision a hub's stations compare, taking the whole roster again only when it moves.
    public func importedRosterRevision() throws -> Int64 {
        try storeAccess { try writer.read { db in try Self.rosterRevisions(db).imported } }
    }

    /// The roster's revision (``rosterRevision()``) and its imported revision (``importedRosterRevision()``) as `db`
    /// sees them.
    static func rosterRevisions(_ db: Database) throws -> (value: Int64, imported: Int64) {
        let row = try Row.fetchOne(db, sql: "SELECT value, imported FROM rosterRevision")
        return (row?["value"] ?? 0, row?["imported"] ?? 0)
    }

    /// The confirmed delegates reduced to what attendance counts (category, country, days as bits: bit 1 is day 1),
    /// in the roster's order, with the roster's revision they were read at: a narrow read that decodes no record.
    public func confirmedForAttendance() throws -> (
        revision: Int64, delegates: [(reference: String, category: String, country: String, dayBits: UInt64)]
    ) {
        try storeAccess {
            try writer.read { db in
                let revision = try Self.rosterRevisions(db).value
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT reference, category, country,
                            (SELECT COALESCE(SUM(1 << value), 0) FROM json_each(delegate.days) WHERE value BETWEEN 0 AND 63)
                        FROM delegate WHERE status = ?
                        ORDER BY COALESCE(NULLIF(familyName, ''), fullName, givenName), givenName
                        """, arguments: [RegistrationStatus.confirmed.rawValue])
                var delegates: [(reference: String, category: String, country: String, dayBits: UInt64)] = []
                while let row = try rows.next() {
                    delegates.append((row[0], row[1], row[2], UInt64(bitPattern: row[3] as Int64)))
                }
                return (revision, delegates)
            }
        }
    }

    /// How many delegates the store holds.
    public func delegateCount() throws -> Int {
        try storeAccess { try writer.read { db in try DelegateRecord.fetchCount(db) } }
    }

    /// All delegates, in family-name order (a name given in one piece sorts by its first word). Read from the file
    /// only when the roster changed since the last call.
    public func delegates() throws -> [Delegate] {
        try storeAccess {
            try writer.read { db in
                try snapshots.delegates(db) { db in
                    try DelegateRecord.order(
                        SQL("COALESCE(NULLIF(familyName, ''), fullName, givenName)").sqlExpression, DelegateRecord.Columns.givenName
                    ).fetchAll(db).map(\.delegate)
                }
            }
        }
    }
}
