public import Foundation
import GRDB
public import Roster

extension RosterDatabase {
    /// The entries after `position` in this store's log, in its order, at most `limit`; with `station`, only the
    /// entries that station made (what a station pushes to its hub).
    public func logEntries(after position: Int64, limit: Int, madeBy station: String? = nil) throws -> [PositionedEntry] {
        try storeAccess {
            try writer.read { db in
                var request = LogRow.filter(LogRow.Columns.position > position)
                if let station { request = request.filter(Column("station") == station) }
                return try request.order(LogRow.Columns.position).limit(limit).fetchAll(db).map { row in
                    PositionedEntry(position: row.position ?? 0, entry: try row.entry())
                }
            }
        }
    }

    /// For each station, the highest sequence number of its entries this log holds, and how many of its numbered
    /// entries it holds: fewer than the highest means some are missing.
    public func sequenceFigures() throws -> [String: (highest: Int64, held: Int64)] {
        try storeAccess {
            try writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT station, MAX(sequence) AS highest, COUNT(sequence) AS held FROM log WHERE sequence IS NOT NULL GROUP BY station"
                ).reduce(into: [:]) { figures, row in figures[row["station"]] = (row["highest"], row["held"]) }
            }
        }
    }

    /// The position of the newest entry of the log (0 when it is empty).
    public func lastLogPosition() throws -> Int64 {
        try storeAccess { try writer.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(position) FROM log") ?? 0 } }
    }

    /// Merges entries made at other stations into this store's log, in one durable transaction. An entry already
    /// here (same id) changes nothing; each new one is appended and the state derived from it (who is inside each
    /// place, the badge in force, a walk-in's registration, a corrected name, flags) is recomputed from every entry
    /// of that delegate, whatever order the entries arrive in. So stores holding the same entries agree.
    /// - Returns: The entries that were new, in the order given.
    @discardableResult
    public func merge(_ entries: [LogEntry]) throws -> [LogEntry] {
        try storeAccess {
            try writer.write { db in
                var merged: [LogEntry] = []
                // Numbered where they were made (or made before stations numbered their entries).
                for entry in entries where try Self.insert(entry, db, numbering: false) { merged.append(entry) }
                try deriveState(from: merged, db)
                return merged
            }
        }
    }

    /// Brings the derived tables in step with `entries`, newly merged.
    private func deriveState(from entries: [LogEntry], _ db: Database) throws {
        var badges: Set<String> = []
        var names: Set<String> = []
        var presence: Set<[String]> = []
        var changed: Set<String> = []
        let annulled = entries.contains { $0.kind == .scan || $0.kind == .scanAnnulled } ? try Self.annulledScans(db) : []
        for entry in entries {
            guard let reference = entry.reference else { continue }
            switch entry.details {
            case .scan(let scan) where scan.isPassage && !annulled.contains(entry.id):
                // The newest passage of the delegate at the place sets presence: one newer than what the store has
                // is applied as it is; one at the same instant is settled by replaying in the shared order.
                let current = try Date.fetchOne(
                    db, sql: "SELECT at FROM doorPresence WHERE door = ? AND reference = ?", arguments: [scan.door, reference])
                let (stored, merged) = (current.map(Self.milliseconds), Self.milliseconds(entry.at))
                if let stored, stored == merged {
                    presence.insert([reference, scan.door])
                } else if stored.map({ $0 < merged }) ?? true {
                    try Self.updatePresence(scan, of: entry, db)
                }
            case .scan:
                break
            case .scanAnnulled(let annulment):
                if let scan = try LogRow.filter(LogRow.Columns.id == annulment.scan.uuidString).fetchOne(db)?.entry().details.scan {
                    presence.insert([reference, scan.door])
                }
            case .badgeIssued, .badgeRevoked:
                badges.insert(reference)
            case .walkIn(let walkIn):
                if try DelegateRecord.filter(DelegateRecord.Columns.reference == reference).fetchCount(db) == 0 {
                    try DelegateRecord(walkIn.delegate, search: SearchDocument(walkIn.delegate, folder: folder), updatedAt: entry.at).insert(db)
                    changed.insert(reference)
                }
                // Also when the hub's roster brought the registration before its entry.
                try db.execute(sql: "UPDATE delegate SET isWalkIn = 1 WHERE reference = ?", arguments: [reference])
                names.insert(reference)
            case .nameCorrected:
                names.insert(reference)
            case .flagged(let flag):
                try db.execute(
                    sql: "INSERT OR IGNORE INTO delegateFlag (id, reference, note, setAt) VALUES (?, ?, ?, ?)",
                    arguments: [flag.flag.uuidString, reference, flag.note, entry.at])
                // Its acknowledgement may have come first.
                let acknowledged = try Self.entries(of: .flagAcknowledged, for: reference, db).filter {
                    if case .flagAcknowledged(let acknowledgement) = $0.details { acknowledgement.flag == flag.flag } else { false }
                }
                if let first = acknowledged.min(by: { LogOrder.precedes($0, $1) }) {
                    try db.execute(sql: "UPDATE delegateFlag SET acknowledgedAt = ? WHERE id = ?", arguments: [first.at, flag.flag.uuidString])
                }
            case .flagAcknowledged(let acknowledgement):
                try db.execute(
                    sql: "UPDATE delegateFlag SET acknowledgedAt = ? WHERE id = ? AND (acknowledgedAt IS NULL OR acknowledgedAt > ?)",
                    arguments: [entry.at, acknowledgement.flag.uuidString, entry.at])
            case .checkIn, .checkOut, .checkInUndone, .print:
                // Read from the log itself when asked.
                break
            }
        }
        for pair in presence { try Self.replayPresence(of: pair[0], at: pair[1], annulled: annulled, db) }
        for reference in badges { try Self.replayBadge(of: reference, db) }
        for reference in names where try replayName(of: reference, db) { changed.insert(reference) }
        if !changed.isEmpty { try Self.searchableWordsChanged(of: changed, db) }
    }

    /// A time as the store keeps it: whole milliseconds.
    private static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000).rounded()) }

    /// Sets `reference`'s badge in force from every issue and revocation logged: the issue with the highest serial
    /// (then the latest, then the station's name) stands, revoked if a revocation names its serial or if two
    /// issues carry that serial.
    private static func replayBadge(of reference: String, _ db: Database) throws {
        let issues = try entries(of: .badgeIssued, for: reference, db)
        guard let newest = issues.max(by: { LogOrder.precedes($0, $1, by: { $0.details.badgeIssue?.serial ?? 0 }) }),
            let serial = newest.details.badgeIssue?.serial
        else { return }
        let revocation = try entries(of: .badgeRevoked, for: reference, db).filter { $0.details.badgeRevocation?.serial == serial }
            .max { LogOrder.precedes($0, $1) }
        // Two desks cut off from each other reprinted the same badge: both printed badges carry this serial and a
        // door cannot tell them apart, so neither is let in; a desk reprints (the next serial stands).
        let isContested = issues.filter { $0.details.badgeIssue?.serial == serial }.count > 1
        let reason = revocation?.details.badgeRevocation?.reason ?? (isContested ? Self.contestedBadge : nil)
        try BadgeRecord(reference: reference, serial: serial, issuedAt: newest.at, revocationReason: reason).save(db)
    }

    /// Why a badge issued twice with one serial (by two desks apart) is refused.
    static let contestedBadge = "issued twice at once by two desks: reprint it at a desk"

    /// Sets `reference`'s name from their latest name correction (by time, then station), the walk-in registration
    /// or upstream name standing when there is none; a corrected name is kept over later imports. Returns whether
    /// the name changed.
    func replayName(of reference: String, _ db: Database) throws -> Bool {
        guard let latest = try Self.entries(of: .nameCorrected, for: reference, db).max(by: { LogOrder.precedes($0, $1) }),
            case .nameCorrected(let correction) = latest.details,
            let record = try DelegateRecord.filter(DelegateRecord.Columns.reference == reference).fetchOne(db)
        else { return false }
        try db.execute(sql: "UPDATE delegate SET isNameCorrected = 1 WHERE id = ?", arguments: [record.id])
        var delegate = record.delegate
        guard PersonNameFields(delegate) != correction.after else { return false }
        delegate.title = correction.after.title
        delegate.givenName = correction.after.givenName
        delegate.familyName = correction.after.familyName
        delegate.fullName = nil
        delegate.nativeName = correction.after.nativeName
        try DelegateRecord(delegate, search: SearchDocument(delegate, folder: folder), id: record.id, updatedAt: latest.at).update(db)
        return true
    }
}

extension RosterDatabase {
    /// A sync cursor kept in the store (`pushed`, `pulled`): a log position, 0 at first.
    public func syncCursor(_ name: String) throws -> Int64 {
        try storeAccess {
            try writer.read { db in try Int64.fetchOne(db, sql: "SELECT position FROM syncCursor WHERE name = ?", arguments: [name]) ?? 0 }
        }
    }

    /// Sets a sync cursor to `position`.
    public func setSyncCursor(_ name: String, to position: Int64) throws {
        try storeAccess {
            try writer.write { db in
                try db.execute(
                    sql: "INSERT INTO syncCursor (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position",
                    arguments: [name, position])
            }
        }
    }

    /// How many entries the log holds.
    public func logEntryCount() throws -> Int {
        try storeAccess { try writer.read { db in try LogRow.fetchCount(db) } }
    }

    /// The categories, sessions, delegates and imported roster revision (``importedRosterRevision()``), read together
    /// (what a joining station takes).
    public func rosterSnapshot() throws -> (categories: [Category], sessions: [Session], delegates: [Delegate], revision: Int64) {
        try storeAccess {
            try writer.read { db in
                (
                    try CategoryRecord.order(Column("code")).fetchAll(db).map(\.category),
                    try SessionRecord.order(Column("day"), Column("start"), Column("code")).fetchAll(db).map(\.session),
                    try DelegateRecord.order(Column("reference")).fetchAll(db).map(\.delegate),
                    try Self.rosterRevisions(db).imported
                )
            }
        }
    }

    /// Moves a sync cursor forward (never back).
    public func advanceSyncCursor(_ name: String, to position: Int64) throws {
        try storeAccess {
            try writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO syncCursor (name, position) VALUES (?, ?)
                        ON CONFLICT (name) DO UPDATE SET position = MAX(position, excluded.position)
                        """, arguments: [name, position])
            }
        }
    }
}

extension RosterDatabase {
    /// The name a hub knows this station by, and the hub's URL, once it joined one.
    public func joinedIdentity() throws -> (station: String, hub: String, doors: Data?)? {
        try storeAccess {
            try writer.read { db in
                try Row.fetchOne(db, sql: "SELECT station, hub, doors FROM syncIdentity").map { ($0["station"], $0["hub"], $0["doors"]) }
            }
        }
    }

    /// Records the hub this station joined, the name it knows the station by, and the doors it handed over (JSON).
    public func recordJoin(station: String, hub: String, doors: Data? = nil) throws {
        try storeAccess {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM syncIdentity")
                try db.execute(sql: "INSERT INTO syncIdentity (station, hub, doors) VALUES (?, ?, ?)", arguments: [station, hub, doors])
            }
        }
    }
}
