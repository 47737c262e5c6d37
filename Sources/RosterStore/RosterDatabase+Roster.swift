public import Foundation
import GRDB
public import Roster

extension RosterDatabase {
    /// Upserts categories, sessions and delegates in one transaction, keyed by code and reference.
    ///
    /// Changed delegates are updated in place and keep their store identity, so nothing recorded on site about
    /// them (check-ins, badges) is touched; delegates missing from `delegates` are left as they are.
    /// - Parameters:
    ///   - searchDocuments: The delegates' folded spellings when the caller has them already, in step with
    ///     `delegates`; otherwise they are folded here.
    ///   - progress: Called now and then with (delegates written, delegates to write).
    /// - Returns: What changed.
    public func apply(
        categories: [Category] = [], sessions: [Session] = [], delegates: [Delegate],
        searchDocuments: [SearchDocument]? = nil, at now: Date = Date(),
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> RosterChanges {
        precondition(searchDocuments.map { $0.count == delegates.count } ?? true, "one search document per delegate")
        let documents = searchDocuments ?? SearchDocument.folding(delegates, with: folder)
        return try storeAccess {
            try writer.write { db in
                var changes = RosterChanges()
                let knownCategories = try Set(String.fetchAll(db, sql: "SELECT code FROM category"))
                for category in categories {
                    if !knownCategories.contains(category.code) { changes.categoriesAdded.append(category.code) }
                    try CategoryRecord(category).upsert(db)
                }
                let knownSessions = try Dictionary(
                    uniqueKeysWithValues: SessionRecord.fetchAll(db).map { ($0.code, $0.session) })
                for session in sessions where knownSessions[session.code] != session {
                    changes.sessionsChanged.append(session.code)
                    try SessionRecord(session).upsert(db)
                }
                let rows = try DelegateRowWriter(db, updatedAt: now)
                let existing = try Dictionary(
                    DelegateRecord.fetchAll(db).map { ($0.reference.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
                for (position, delegate) in delegates.enumerated() {
                    if position % 1000 == 0 { progress(position, delegates.count) }
                    guard let old = existing[delegate.reference.lowercased()] else {
                        try rows.insert(delegate, search: documents[position])
                        changes.added.append(delegate.reference)
                        continue
                    }
                    let before = old.delegate
                    guard before != delegate else {
                        changes.unchanged += 1
                        continue
                    }
                    try DelegateRecord(delegate, search: documents[position], id: old.id, updatedAt: now).update(db)
                    switch (before.status, delegate.status) {
                    case (.confirmed, .cancelled): changes.cancelled.append(delegate.reference)
                    case (.cancelled, .confirmed): changes.reinstated.append(delegate.reference)
                    default: changes.updated.append(delegate.reference)
                    }
                }
                progress(delegates.count, delegates.count)
                if !changes.added.isEmpty || changes.unchanged < delegates.count {
                    try db.execute(sql: "UPDATE rosterRevision SET value = value + 1")
                }
                return changes
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
        guard let record else {
            throw LanyardError(
                .notFound, "No delegate has the reference \(reference).",
                remedy: "Search by name with `lanyard search`, or register a walk-in.")
        }
        return record.delegate
    }

    /// How many delegates the store holds.
    public func delegateCount() throws -> Int {
        try storeAccess { try writer.read { db in try DelegateRecord.fetchCount(db) } }
    }

    /// All delegates, in family-name order.
    public func delegates() throws -> [Delegate] {
        try storeAccess {
            try writer.read { db in
                try DelegateRecord.order(DelegateRecord.Columns.familyName, DelegateRecord.Columns.givenName)
                    .fetchAll(db).map(\.delegate)
            }
        }
    }
}
