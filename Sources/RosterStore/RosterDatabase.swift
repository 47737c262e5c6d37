public import Foundation
import GRDB
public import Roster

/// The station's store: the event, its roster and the append-only on-site log, in one SQLite file.
///
/// Opening runs the migrations. Writes are transactions with `synchronous = FULL` in WAL mode, so an acknowledged
/// check-in survives a crash or a power cut. Reads never wait for a writer (WAL); a write waits up to
/// ``busyTimeout`` while another process holds the write lock (an import, another desk), then fails with
/// `storeBusy` rather than `database is locked`.
public struct RosterDatabase: Sendable {
    let writer: any DatabaseWriter
    /// Folds names for the search index and for queries alike.
    public let folder: NameFolder
    let searchIndex: SearchIndexCache
    let snapshots = RosterSnapshotCache()

    /// How long a write waits for another process's write lock by default: longer than a large import holds it.
    public static let defaultBusyTimeout: TimeInterval = 15

    init(_ writer: any DatabaseWriter, folder: NameFolder = NameFolder(), searchIndexFile: SearchIndexFile? = nil) throws {
        self.writer = writer
        self.folder = folder
        searchIndex = SearchIndexCache(file: searchIndexFile)
        try Self.migrator.migrate(writer)
    }

    /// Opens (creating if needed) the store in a data folder.
    /// - Throws: ``LanyardError`` `storeFailure` when the file cannot be opened or migrated.
    public static func open(in folder: DataFolder, busyTimeout: TimeInterval = defaultBusyTimeout) throws -> RosterDatabase {
        try folder.create()
        return try open(at: folder.rosterURL, busyTimeout: busyTimeout)
    }

    /// Opens (creating if needed) the store at `url`.
    public static func open(at url: URL, busyTimeout: TimeInterval = defaultBusyTimeout) throws -> RosterDatabase {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            return try RosterDatabase(
                DatabasePool(path: url.path, configuration: configuration), searchIndexFile: SearchIndexFile(besideStoreAt: url))
        } catch let error as LanyardError {
            throw error
        } catch {
            throw LanyardError(
                .storeFailure, "The store at \(url.path) cannot be opened: \(error).",
                remedy: "Check that the data folder is writable and not from a newer Lanyard.", cause: error)
        }
    }

    /// A fresh store in memory, for tests and benchmarks.
    public static func inMemory() throws -> RosterDatabase {
        try RosterDatabase(DatabaseQueue())
    }

    /// Runs `body` and turns GRDB's errors into ``LanyardError``: a lock held past the busy timeout is
    /// `storeBusy`, anything else `storeFailure`.
    func storeAccess<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LanyardError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            throw LanyardError(
                .storeBusy, "The store is busy: another program has been writing to it for too long.",
                remedy: "Try again in a moment; nothing was recorded.", cause: error)
        } catch {
            throw LanyardError(.storeFailure, "The store failed: \(error).", cause: error)
        }
    }
}

extension RosterDatabase {
    /// Writes the write-ahead log into the database file and empties it, so that the file alone holds the store (a
    /// copy of the folder, a backup).
    public func checkpoint() throws {
        try storeAccess { try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) } }
    }

    /// Writes into the database file as much of the write-ahead log as no reader still needs, without waiting for
    /// any (SQLite's passive checkpoint): what closing the store would do otherwise, and never busy, however many
    /// doors read and write meanwhile (another process checkpointing at that moment is left to it).
    /// - Returns: How many of the log's frames are in the database file now.
    @discardableResult public func checkpointWithoutWaiting() throws -> Int {
        try storeAccess {
            do {
                return try writer.writeWithoutTransaction { db in try db.checkpoint(.passive).checkpointedFrameCount }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                // Another process is checkpointing this moment: it moves the log, or the next checkpoint will.
                return 0
            }
        }
    }

    /// Copies the store, as one consistent moment, into a new file at `url` (SQLite's online backup). A process that
    /// has the store open must copy it this way, never as a file: opening and closing the file beside SQLite drops
    /// SQLite's locks in that process.
    public func backup(to url: URL) throws {
        try storeAccess { try writer.backup(to: try DatabaseQueue(path: url.path)) }
    }
}
