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
        try await store { database in try RosterImporter(database: database).run(files, progress: progress) }
    }
}
