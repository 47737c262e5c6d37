public import Foundation
import GRDB
public import Roster

/// The station's store: the event, its roster and the append-only on-site log, in one SQLite file.
///
/// Opening runs the migrations. Writes are transactions with `synchronous = FULL` in WAL mode, so an acknowledged
/// check-in survives a crash or a power cut.
public struct RosterDatabase: Sendable {
    let writer: any DatabaseWriter
    /// Folds names for the search index and for queries alike.
    public let folder: NameFolder
    let searchIndex = SearchIndexCache()

    init(_ writer: any DatabaseWriter, folder: NameFolder = NameFolder()) throws {
        self.writer = writer
        self.folder = folder
        try Self.migrator.migrate(writer)
    }

    /// Opens (creating if needed) the store in a data folder.
    /// - Throws: ``LanyardError`` `storeFailure` when the file cannot be opened or migrated.
    public static func open(in folder: DataFolder) throws -> RosterDatabase {
        try folder.create()
        return try open(at: folder.rosterURL)
    }

    /// Opens (creating if needed) the store at `url`.
    public static func open(at url: URL) throws -> RosterDatabase {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            return try RosterDatabase(DatabasePool(path: url.path, configuration: configuration))
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

    /// Runs `body` and turns GRDB's errors into ``LanyardError``.
    func storeAccess<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LanyardError {
            throw error
        } catch {
            throw LanyardError(.storeFailure, "The store failed: \(error).", cause: error)
        }
    }
}
