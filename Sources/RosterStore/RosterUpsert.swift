import Foundation
import GRDB
import Roster

/// One import's upsert inside its transaction: new delegates are inserted, changed ones updated in place (keeping
/// their store identity, so nothing recorded on site is touched, and keeping a name corrected at a desk), flags
/// the roster gives are set once each, and every change counted.
struct RosterUpsert {
    private let db: Database
    private let now: Date
    private let folder: NameFolder
    /// The station importing: the flags the roster sets are logged as made there.
    private let station: String
    /// Whether the references changed are kept for sharing with the hub's other copies (an import here).
    private let keepingChanges: Bool
    private let rows: DelegateRowWriter
    private let existing: [String: DelegateRecord]
    /// Delegates whose name was corrected on site (lower-cased references).
    private let corrected: Set<String>
    private(set) var changes = RosterChanges()
    private(set) var delegatesSeen = 0

    init(_ db: Database, folder: NameFolder, at now: Date, station: String, keepingChanges: Bool) throws {
        self.db = db
        self.now = now
        self.folder = folder
        self.station = station
        self.keepingChanges = keepingChanges
        rows = try DelegateRowWriter(db, updatedAt: now)
        existing = try Dictionary(
            DelegateRecord.fetchAll(db).map { ($0.reference.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        corrected = Set(try String.fetchAll(db, sql: "SELECT reference FROM delegate WHERE isNameCorrected").map { $0.lowercased() })
    }

    mutating func upsert(_ categories: [Category]) throws {
        let known = try Set(String.fetchAll(db, sql: "SELECT code FROM category"))
        for category in categories {
            if !known.contains(category.code) { changes.categoriesAdded.append(category.code) }
            try CategoryRecord(category).upsert(db)
        }
    }

    mutating func upsert(_ sessions: [Session]) throws {
        let known = try Dictionary(uniqueKeysWithValues: SessionRecord.fetchAll(db).map { ($0.code, $0.session) })
        for session in sessions where known[session.code] != session {
            changes.sessionsChanged.append(session.code)
            try SessionRecord(session).upsert(db)
        }
    }

    mutating func upsert(_ delegates: [Delegate], searchDocuments: [SearchDocument], flags: [String: String] = [:]) throws {
        precondition(searchDocuments.count == delegates.count, "one search document per delegate")
        delegatesSeen += delegates.count
        for (var delegate, var document) in zip(delegates, searchDocuments) {
            if let note = flags[delegate.reference] { try flag(delegate.reference, note) }
            guard let old = existing[delegate.reference.lowercased()] else {
                try rows.insert(delegate, search: document)
                changes.added.append(delegate.reference)
                continue
            }
            let before = old.delegate
            if corrected.contains(delegate.reference.lowercased()) {
                // A name corrected at a desk stands over the registration system's spelling.
                (delegate.title, delegate.givenName, delegate.familyName) = (before.title, before.givenName, before.familyName)
                (delegate.fullName, delegate.nativeName) = (before.fullName, before.nativeName)
                document = SearchDocument(delegate, folder: folder)
            }
            guard before != delegate else {
                changes.unchanged += 1
                continue
            }
            try DelegateRecord(delegate, search: document, id: old.id, updatedAt: now).update(db)
            switch (before.status, delegate.status) {
            case (.confirmed, .cancelled): changes.cancelled.append(delegate.reference)
            case (.cancelled, .confirmed): changes.reinstated.append(delegate.reference)
            default: changes.updated.append(delegate.reference)
            }
        }
    }

    /// Sets a flag the roster gives, unless the delegate has that note already; logged as `flagged` by the import.
    private func flag(_ reference: String, _ note: String) throws {
        let known =
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM delegateFlag WHERE reference = ? AND note = ?", arguments: [reference, note]) ?? 0
        guard known == 0 else { return }
        let details = FlagDetails(note: note)
        try RosterDatabase.insertFlag(details, for: reference, at: now, db)
        _ = try RosterDatabase.insert(LogEntry(at: now, reference: reference, station: station, staff: "import", details: .flagged(details)), db)
    }

    /// Moves the roster's revisions on when a delegate changed, so that search indexes built earlier are rebuilt and
    /// a hub's stations take the roster again.
    func finish() throws {
        if changes.unchanged < delegatesSeen {
            try db.execute(sql: "UPDATE rosterRevision SET value = value + 1, imported = imported + 1")
            if keepingChanges {
                try RosterDatabase.keepImportChanges(changes.added + changes.updated + changes.cancelled + changes.reinstated, db)
            }
        }
    }
}
