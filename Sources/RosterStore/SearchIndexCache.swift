import Foundation
import GRDB
import Roster
import Synchronization

/// The store's ``SearchIndex``: kept in memory for the roster's current revision, loaded from the store's
/// ``SearchIndexFile`` when an earlier process stored it for that revision, built from the stored folded words
/// otherwise. Searches that arrive while it is built wait for that one build rather than each building their own:
/// twenty desks typing at once after start-up build it once.
final class SearchIndexCache: Sendable {
    /// The index in memory, for the roster revision it was made for, and whether the store holds it.
    private struct Kept {
        let revision: Int64
        let index: SearchIndex
        var isStored: Bool
    }

    private let current = Mutex<Kept?>(nil)
    private let building = Mutex(())
    /// Where the index is stored; none for a store in memory.
    private let file: SearchIndexFile?

    init(file: SearchIndexFile?) {
        self.file = file
    }

    /// The index for the roster as `db` sees it.
    func index(_ db: Database) throws -> SearchIndex {
        let revision = try Self.revision(db)
        if let index = kept(revision) { return index }
        return try building.withLock { _ in
            if let index = kept(revision) { return index }
            if let stored = try load(db, revision: revision) {
                current.withLock { $0 = Kept(revision: revision, index: stored, isStored: true) }
                return stored
            }
            let index = try Self.build(db)
            current.withLock { $0 = Kept(revision: revision, index: index, isStored: false) }
            return index
        }
    }

    /// Stores the index built here in its file for the next process to load, and records in the store which file
    /// that is. Nothing when the index in memory was loaded from the store or is stored already, or when the roster
    /// has changed since it was built. The file is put in place under the store's write lock, beside the record, so
    /// that two processes storing at once leave the file and the record of the same one; an index is never built
    /// here, while that lock is held.
    func storeBuiltIndex(_ writer: any DatabaseWriter) throws {
        guard let file, let kept = current.withLock({ $0 }), !kept.isStored,
            try writer.read({ db in try Self.revision(db) }) == kept.revision
        else { return }
        let key = Int64.random(in: .min ... .max)
        let temporary = try file.writeTemporary(kept.index, revision: kept.revision, key: key)
        let placed: Bool
        do {
            placed = try writer.write { db in
                guard try Self.revision(db) == kept.revision else { return false }
                try file.place(temporary)
                try db.execute(sql: "DELETE FROM searchIndexFile")
                try db.execute(sql: "INSERT INTO searchIndexFile (revision, key) VALUES (?, ?)", arguments: [kept.revision, key])
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
            if current?.revision == kept.revision { current?.isStored = true }
        }
    }

    private func kept(_ revision: Int64) -> SearchIndex? {
        current.withLock { kept in kept?.revision == revision ? kept?.index : nil }
    }

    private static func revision(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT value FROM rosterRevision") ?? 0
    }

    /// The stored index of `revision`, or nil when there is none or it cannot be read (it is then built again).
    private func load(_ db: Database, revision: Int64) throws -> SearchIndex? {
        guard let file, let key = try Int64.fetchOne(db, sql: "SELECT key FROM searchIndexFile WHERE revision = ?", arguments: [revision])
        else { return nil }
        return file.read(revision: revision, key: key)
    }

    /// Builds the index from the stored folded columns, each read in place from SQLite's buffer.
    private static func build(_ db: Database) throws -> SearchIndex {
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM delegate") ?? 0
        var builder = SearchIndexBuilder(capacity: count)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, reference, searchFamily, searchGiven, searchOther FROM delegate ORDER BY id")
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
