public import DelimitedText
import Foundation
public import RosterImport
import RosterStore

extension Station {
    /// Loads or refreshes the roster from delimited files: a bad row is reported with its line and skipped, a file
    /// that cannot be read changes nothing, and what happened on site is never touched.
    /// - Parameter progress: Called as the file is read and its rows checked and written.
    public func importRoster(
        _ files: RosterImporter.Files, progress: @escaping @Sendable (ImportProgress) -> Void = { _ in }
    ) async throws -> ImportSummary {
        let name = name
        return try await store { database in try RosterImporter(database: database, station: name).run(files, progress: progress) }
    }

    /// Refreshes the roster from an export pulled from the registration system, read already into `table`: by the
    /// same rules as a file, except that any bad row rejects the whole copy (nobody reviews an unattended pull), and
    /// what happened on site is never touched.
    /// - Throws: ``LanyardError`` `invalidInput` naming the bad rows; nothing is written.
    public func importUpstream(
        _ table: DelimitedTable, named name: String, progress: @escaping @Sendable (ImportProgress) -> Void = { _ in }
    ) async throws -> ImportSummary {
        let station = self.name
        return try await store { database in
            try RosterImporter(database: database, station: station).run(table, named: name, rejectingBadRows: true, progress: progress)
        }
    }

    /// Moves what SQLite's write-ahead log holds into the store file, as far as no other process's reader still
    /// needs it, which closing the store would do otherwise: after a large import, a command does it while it writes
    /// its answer rather than after. Never waits for the doors reading and writing meanwhile.
    public func checkpoint() async throws {
        _ = try await store { try $0.checkpointWithoutWaiting() }
    }
}
