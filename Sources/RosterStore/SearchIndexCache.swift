import GRDB
import Roster
import Synchronization

/// The store's ``SearchIndex``, built on the first search and rebuilt when the roster's revision has moved on
/// (an import in this process or in another).
final class SearchIndexCache: Sendable {
    private let current = Mutex<(revision: Int64, index: SearchIndex)?>(nil)

    /// The index for the roster as `db` sees it.
    func index(_ db: Database) throws -> SearchIndex {
        let revision = try Int64.fetchOne(db, sql: "SELECT value FROM rosterRevision") ?? 0
        if let cached = current.withLock({ $0 }), cached.revision == revision { return cached.index }
        let index = try Self.build(db)
        current.withLock { $0 = (revision, index) }
        return index
    }

    private static func build(_ db: Database) throws -> SearchIndex {
        var entries: [(id: Int64, document: SearchDocument)] = []
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, reference, searchFamily, searchGiven, searchOther FROM delegate ORDER BY id")
        while let row = try rows.next() {
            let reference: String = row[1]
            entries.append((row[0], SearchDocument(
                reference: reference.lowercased(), familyWords: DelegateRecord.words(row[2]),
                givenWords: DelegateRecord.words(row[3]), otherWords: DelegateRecord.words(row[4]))))
        }
        return SearchIndex(entries)
    }
}
