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
        typealias Stored = (id: Int64, reference: String, family: String, given: String, other: String)
        var fetched: [Stored] = []
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, reference, searchFamily, searchGiven, searchOther FROM delegate ORDER BY id")
        while let row = try rows.next() {
            fetched.append((row[0], row[1], row[2], row[3], row[4]))
        }
        // Splitting the stored spellings into words is most of the work before indexing: on every core.
        return SearchIndex(
            fetched.concurrentMap(chunkSize: 5_000) { row in
                (
                    row.id,
                    SearchDocument(
                        reference: row.reference.lowercased(), familyWords: DelegateRecord.words(row.family),
                        givenWords: DelegateRecord.words(row.given), otherWords: DelegateRecord.words(row.other))
                )
            })
    }
}
