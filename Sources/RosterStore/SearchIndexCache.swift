import GRDB
import Roster
import Synchronization

/// The store's ``SearchIndex``, built on the first search and rebuilt when the roster's revision has moved on
/// (an import in this process or in another). Searches that arrive while it is built wait for that one build
/// rather than each building their own: twenty desks typing at once after start-up build it once.
final class SearchIndexCache: Sendable {
    private let current = Mutex<(revision: Int64, index: SearchIndex)?>(nil)
    private let building = Mutex(())

    /// The index for the roster as `db` sees it.
    func index(_ db: Database) throws -> SearchIndex {
        let revision = try Int64.fetchOne(db, sql: "SELECT value FROM rosterRevision") ?? 0
        if let index = cached(revision) { return index }
        return try building.withLock { _ in
            if let index = cached(revision) { return index }
            let index = try Self.build(db)
            current.withLock { $0 = (revision, index) }
            return index
        }
    }

    private func cached(_ revision: Int64) -> SearchIndex? {
        current.withLock { cached in cached?.revision == revision ? cached?.index : nil }
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
