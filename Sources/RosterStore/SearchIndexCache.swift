import Foundation
import GRDB
import Roster
import Synchronization

/// The store's search index: kept in memory for the roster's current revision, loaded from the store's
/// ``SearchIndexFile`` when an earlier process stored it, built from the stored folded words otherwise. Searches that
/// arrive while it is built wait for that one build rather than each building their own: twenty desks typing at once
/// after start-up build it once.
///
/// After a walk-in, a name correction or a merged entry changes a few delegates (their rows stamped with the revision
/// that changed them), the delegates changed since the index was made are indexed apart and laid over it
/// (``LayeredSearchIndex``) rather than the whole roster built again; so is a stored index of an earlier revision.
/// After an import, or more changes than ``layeredLimit``, the whole index is built again.
final class SearchIndexCache: Sendable {
    /// The index in memory, for the roster revision it was made for.
    private struct Kept {
        let revision: Int64
        let layers: LayeredSearchIndex
        /// The revision the large index was built or stored for, and how many imports the roster had seen then.
        let baseRevision: Int64
        let imported: Int64
        /// Whether the store holds the large index.
        var isStored: Bool
    }

    /// How many changed delegates are laid over an index at most before it is built again whole.
    static let layeredLimit = 500

    private let current = Mutex<Kept?>(nil)
    private let building = Mutex(())
    /// Where the index is stored; none for a store in memory.
    private let file: SearchIndexFile?

    init(file: SearchIndexFile?) {
        self.file = file
    }

    /// The index for the roster as `db` sees it.
    func index(_ db: Database) throws -> LayeredSearchIndex {
        let (revision, imported) = try RosterDatabase.rosterRevisions(db)
        if let layers = kept(revision) { return layers }
        return try building.withLock { _ in
            if let layers = kept(revision) { return layers }
            let made = try make(db, revision: revision, imported: imported)
            current.withLock { current in
                // A search that read an older revision never puts its index in place of a newer one.
                if current.map({ $0.revision < made.revision }) ?? true { current = made }
            }
            return made.layers
        }
    }

    /// The index for roster revision `revision`: the one kept here or the stored one with the delegates changed since
    /// laid over it, when no import came between; the stored one when it is of that revision; else built whole.
    private func make(_ db: Database, revision: Int64, imported: Int64) throws -> Kept {
        if let previous = current.withLock({ $0 }), previous.imported == imported,
            let layers = try Self.layer(previous.layers.base, madeAt: previous.baseRevision, db)
        {
            return Kept(revision: revision, layers: layers, baseRevision: previous.baseRevision, imported: imported, isStored: previous.isStored)
        }
        // What the stored file is of, read before the file itself, which is only read when it can be used.
        if let file, let record = try Row.fetchOne(db, sql: "SELECT revision, key, imported FROM searchIndexFile") {
            let storedRevision: Int64 = record["revision"], storedImported: Int64? = record["imported"]
            let layerable =
                try storedImported == imported && storedRevision < revision
                && Self.changedCount(since: storedRevision, db) <= Self.layeredLimit
            if storedRevision == revision || layerable, let stored = file.read(revision: storedRevision, key: record["key"]) {
                let layers = layerable ? try Self.layer(stored, madeAt: storedRevision, db) : LayeredSearchIndex(base: stored)
                if let layers {
                    return Kept(revision: revision, layers: layers, baseRevision: storedRevision, imported: imported, isStored: true)
                }
            }
        }
        let index = try Self.build(db, changedSince: nil)
        return Kept(revision: revision, layers: LayeredSearchIndex(base: index), baseRevision: revision, imported: imported, isStored: false)
    }

    /// Stores the large index built here in its file for the next process to load (and lay the delegates changed
    /// since over), and records in the store which file that is, of which revision, after how many imports. Nothing
    /// when it was loaded from the store or is stored already, or when an import has changed the roster since it was
    /// built. The file is put in place under the store's write lock, beside the record, so that two processes storing
    /// at once leave the file and the record of the same one; an index is never built here, while that lock is held.
    func storeBuiltIndex(_ writer: any DatabaseWriter) throws {
        guard let file, let kept = current.withLock({ $0 }), !kept.isStored,
            try writer.read({ db in try RosterDatabase.rosterRevisions(db).imported }) == kept.imported
        else { return }
        let key = Int64.random(in: .min ... .max)
        let temporary = try file.writeTemporary(kept.layers.base, revision: kept.baseRevision, key: key)
        let placed: Bool
        do {
            placed = try writer.write { db in
                guard try RosterDatabase.rosterRevisions(db).imported == kept.imported else { return false }
                // Never in place of one another process stored for a later revision of the same import.
                if let stored = try Row.fetchOne(db, sql: "SELECT revision, imported FROM searchIndexFile"),
                    stored["imported"] as Int64? == kept.imported, stored["revision"] as Int64 >= kept.baseRevision
                {
                    return false
                }
                try file.place(temporary)
                try db.execute(sql: "DELETE FROM searchIndexFile")
                try db.execute(
                    sql: "INSERT INTO searchIndexFile (revision, key, imported) VALUES (?, ?, ?)",
                    arguments: [kept.baseRevision, key, kept.imported])
                return true
            }
        } catch {
            // Left out of place (a busy store, a failed rename); once placed, the name is gone and this does nothing.
            file.discard(temporary)
            throw error
        }
        guard placed else { return file.discard(temporary) }
        file.flushFolder()
        current.withLock { current in
            if current?.baseRevision == kept.baseRevision, current?.imported == kept.imported { current?.isStored = true }
        }
    }

    /// The large index and the small one of the delegates changed since it was made, as kept now (what tests look
    /// at).
    func layers() -> LayeredSearchIndex? {
        current.withLock { $0?.layers }
    }

    /// The kept index when it is of revision `revision` or a newer one (whose hits are read from the store as it is
    /// now all the same).
    private func kept(_ revision: Int64) -> LayeredSearchIndex? {
        current.withLock { kept in kept.map { $0.revision >= revision } == true ? kept?.layers : nil }
    }

    /// `base`, made at roster revision `revision`, with the delegates changed since laid over it; nil when more have
    /// changed than ``layeredLimit``.
    private static func layer(_ base: SearchIndex, madeAt revision: Int64, _ db: Database) throws -> LayeredSearchIndex? {
        guard try changedCount(since: revision, db) <= layeredLimit else { return nil }
        return LayeredSearchIndex(base: base, changes: try build(db, changedSince: revision))
    }

    /// How many delegates' searchable words changed after roster revision `revision`, but for imports.
    private static func changedCount(since revision: Int64, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM delegate WHERE searchStamp > 0 AND searchStamp > ?", arguments: [revision]) ?? 0
    }

    /// Builds the index from the stored folded columns, each read in place from SQLite's buffer: of every delegate,
    /// or of those whose searchable words changed after roster revision `revision`.
    private static func build(_ db: Database, changedSince revision: Int64?) throws -> SearchIndex {
        let (filter, arguments): (String, StatementArguments) =
            // By the stamps' index: ordered by id, SQLite would rather read every row in that order.
            revision.map { (" INDEXED BY delegate_searchStamp WHERE searchStamp > 0 AND searchStamp > ?", [$0]) } ?? ("", [])
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM delegate" + filter, arguments: arguments) ?? 0
        var builder = SearchIndexBuilder(capacity: count)
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, reference, searchFamily, searchGiven, searchOther FROM delegate\(filter) ORDER BY id", arguments: arguments)
        var lowered: [UInt8] = []
        while let row = try rows.next() {
            let id: Int64 = row[0]
            try text(row, 1) { reference in
                try text(row, 2) { family in
                    try text(row, 3) { given in
                        try text(row, 4) { other in
                            lowerCased(reference, into: &lowered)
                            lowered.withUnsafeBufferPointer { reference in
                                builder.add(id: id, reference: reference, familyText: family, givenText: given, otherText: other)
                            }
                        }
                    }
                }
            }
        }
        return builder.build()
    }

    /// Calls `body` with the UTF-8 of column `index` of `row`, in place (empty for NULL).
    private static func text<T>(_ row: Row, _ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T {
        try row.withUnsafeData(atIndex: index) { data in
            try (data ?? Data()).withUnsafeBytes { try body($0.assumingMemoryBound(to: UInt8.self)) }
        }
    }

    /// `text` in lower case, as `String.lowercased()` gives it: byte by byte for ASCII, which references are.
    private static func lowerCased(_ text: UnsafeBufferPointer<UInt8>, into lowered: inout [UInt8]) {
        lowered.removeAll(keepingCapacity: true)
        guard text.allSatisfy({ $0 < 0x80 }) else { return lowered.append(contentsOf: String(decoding: text, as: UTF8.self).lowercased().utf8) }
        lowered.append(contentsOf: text.lazy.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 })
    }
}
