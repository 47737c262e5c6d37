import Foundation
import GRDB
import Roster

/// One import's upsert inside its transaction: new delegates are inserted, changed ones updated in place (keeping
/// their store identity, so nothing recorded on site is touched), and every change counted.
struct RosterUpsert {
    private let db: Database
    private let now: Date
    private let rows: DelegateRowWriter
    private let existing: [String: DelegateRecord]
    private(set) var changes = RosterChanges()
    private(set) var delegatesSeen = 0

    init(_ db: Database, at now: Date) throws {
        self.db = db
        self.now = now
        rows = try DelegateRowWriter(db, updatedAt: now)
        existing = try Dictionary(
            DelegateRecord.fetchAll(db).map { ($0.reference.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
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

    mutating func upsert(_ delegates: [Delegate], searchDocuments: [SearchDocument]) throws {
        precondition(searchDocuments.count == delegates.count, "one search document per delegate")
        delegatesSeen += delegates.count
        for (delegate, document) in zip(delegates, searchDocuments) {
            guard let old = existing[delegate.reference.lowercased()] else {
                try rows.insert(delegate, search: document)
                changes.added.append(delegate.reference)
                continue
            }
            let before = old.delegate
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

    /// Moves the roster's revision on when a delegate changed, so that search indexes built earlier are rebuilt.
    func finish() throws {
        if changes.unchanged < delegatesSeen {
            try db.execute(sql: "UPDATE rosterRevision SET value = value + 1")
        }
    }
}
