import GRDB
import Roster

extension RosterDatabase {
    /// Delegates matching `text`, best first: any part of a name in any script or spelling, with one typo
    /// tolerated in words of four letters or more; a reference, email or organisation.
    ///
    /// Searches the in-memory ``SearchIndex``, loaded or built on the first search, with the delegates a walk-in or
    /// a name correction changed since laid over it, and built again after an import (never stored from here, which
    /// would make a search wait for the store's write lock: ``storeSearchIndex()`` does).
    /// - Parameters:
    ///   - text: What the desk typed.
    ///   - limit: How many delegates to return at most.
    public func search(_ text: String, limit: Int = 10) throws -> [SearchHit] {
        let query = SearchQuery(text, folder: folder)
        guard !query.isEmpty, limit > 0 else { return [] }
        return try storeAccess {
            // Outside a transaction: the index is for the revision read first, its hits are read by id, and a roster
            // changed in between only means the next search uses a newer index.
            try writer.unsafeRead { db in
                let hits = try searchIndex.index(db).search(query, limit: limit)
                guard !hits.isEmpty else { return [] }
                // A statement per number of hits, compiled once: a desk searches on every keystroke.
                let placeholders = Array(repeating: "?", count: hits.count).joined(separator: ",")
                let statement = try db.cachedStatement(sql: "SELECT * FROM delegate WHERE id IN (\(placeholders))")
                let records = try DelegateRecord.fetchAll(statement, arguments: StatementArguments(hits.map(\.id)))
                let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.id!, $0.delegate) })
                return hits.compactMap { hit in byID[hit.id].map { SearchHit(delegate: $0, score: hit.score) } }
            }
        }
    }

    /// Loads or builds the search index now rather than on the first search, so that a station answers its first
    /// desk query as fast as the rest.
    public func prepareSearch() throws {
        try storeAccess { _ = try writer.read { db in try searchIndex.index(db) } }
    }

    /// Stores the search index this store built (on a search or ``prepareSearch()``) for the next process to load
    /// rather than build; nothing when it was loaded from the store, or the roster has changed since it was built.
    public func storeSearchIndex() throws {
        try storeAccess { try searchIndex.storeBuiltIndex(writer) }
    }

    /// Moves the roster's revision for a change to the searchable words of the delegates `references` (a walk-in, a
    /// name correction, either merged from another station), and stamps their rows with it, so that a station holding
    /// a search index adds them to it rather than building it again (``SearchIndexCache``). Every change to a
    /// delegate's searchable words but an import's (which counts itself in `rosterRevision.imported`) comes here.
    static func searchableWordsChanged(of references: some Collection<String>, _ db: Database) throws {
        try db.execute(sql: "UPDATE rosterRevision SET value = value + 1")
        // In parts: SQLite takes a bounded number of arguments per statement.
        let references = Array(references)
        for start in stride(from: 0, to: references.count, by: 500) {
            let part = references[start..<min(start + 500, references.count)]
            let placeholders = Array(repeating: "?", count: part.count).joined(separator: ",")
            try db.execute(
                sql: "UPDATE delegate SET searchStamp = (SELECT value FROM rosterRevision) WHERE reference IN (\(placeholders))",
                arguments: StatementArguments(part))
        }
    }

    /// Reads every delegate's row once, so that the operating system holds the roster in its page cache: a search
    /// reads its hits from the store, and on a station just started each row read from disk costs the desk a tenth
    /// of a millisecond or more. Through SQLite, as a reader: the store's locks are left as they are.
    public func readDelegatesAhead() throws {
        try storeAccess {
            try writer.read { db in
                let rows = try Row.fetchCursor(db, sql: "SELECT * FROM delegate")
                while try rows.next() != nil {}
            }
        }
    }
}
