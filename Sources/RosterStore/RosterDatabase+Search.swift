import GRDB
import Roster

extension RosterDatabase {
    /// Delegates matching `text`, best first: any part of a name in any script or spelling, with one typo
    /// tolerated in words of five letters or more; a reference, email or organisation.
    ///
    /// Searches the in-memory ``SearchIndex``, built from the store on the first search and again after the
    /// roster changes.
    /// - Parameters:
    ///   - text: What the desk typed.
    ///   - limit: How many delegates to return at most.
    public func search(_ text: String, limit: Int = 10) throws -> [SearchHit] {
        let query = SearchQuery(text, folder: folder)
        guard !query.isEmpty, limit > 0 else { return [] }
        return try storeAccess {
            try writer.read { db in
                let hits = try searchIndex.index(db).search(query, limit: limit)
                let records = try DelegateRecord.filter(keys: hits.map(\.id)).fetchAll(db)
                let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.id!, $0.delegate) })
                return hits.compactMap { hit in byID[hit.id].map { SearchHit(delegate: $0, score: hit.score) } }
            }
        }
    }

    /// Builds the search index now rather than on the first search, so that a station answers its first desk
    /// query as fast as the rest.
    public func prepareSearch() throws {
        try storeAccess { try writer.read { db in _ = try searchIndex.index(db) } }
    }
}
