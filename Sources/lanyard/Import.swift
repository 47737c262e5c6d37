import ArgumentParser
import Foundation
import Roster
import RosterImport
import RosterStore
import Station

extension Lanyard {
    /// `lanyard import`: loads or refreshes the roster from CSV exports.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import delegates (and sessions, categories) from CSV.",
            discussion: """
                Reads Lanyard's roster format and pretix, Eventbrite and Indico attendee exports; for other files \
                name the columns in a YAML mapping (--mapping). Re-importing a newer export updates what changed; \
                bad rows are reported with their line and skipped. Exit status 4 when rows were skipped.
                """)

        @OptionGroup var station: StationOptions
        @Argument(help: "The delegates file (CSV, ; or tab separated).") var file: String
        @Option(help: "A sessions file.") var sessions: String?
        @Option(help: "A categories file; with it, a delegate of another category is an error.") var categories: String?
        @Option(help: "A YAML file naming the delegates file's columns.") var mapping: String?

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let files = RosterImporter.Files(
                    delegates: URL(fileURLWithPath: file), sessions: sessions.map(URL.init(fileURLWithPath:)),
                    categories: categories.map(URL.init(fileURLWithPath:)), mapping: mapping.map(URL.init(fileURLWithPath:)))
                let progress = Progress()
                let opened = try await station.open()
                let summary = try await opened.importRoster(files) {
                    progress.update("\($0.phase.rawValue.capitalized) rows", done: $0.done, total: $0.total)
                }
                progress.finish()
                // The import is committed; moving it from SQLite's log into the store file runs beside the answer. It
                // only saves time (closing the store does it otherwise), so its failure changes nothing of the outcome.
                async let checkpointed: Void = opened.checkpoint()
                try output.answer(summary) { Self.describe(summary, file: file) }
                try? await checkpointed
                if !summary.problems.isEmpty { throw ExitStatus.importSkippedRows.exitCode }
            }
        }

        static func describe(_ summary: ImportSummary, file: String) -> String {
            let c = summary.changes
            var lines = [
                "Read \(summary.rowsRead) rows of \(file) (\(summary.format.rawValue) format): \(c.added.count) added, "
                    + "\(c.updated.count) updated, \(c.cancelled.count) cancelled, \(c.reinstated.count) reinstated, "
                    + "\(c.unchanged) unchanged."
            ]
            if !c.categoriesAdded.isEmpty { lines.append("New categories: \(c.categoriesAdded.joined(separator: ", ")).") }
            if !c.sessionsChanged.isEmpty { lines.append("Sessions added or changed: \(c.sessionsChanged.joined(separator: ", ")).") }
            if !summary.problems.isEmpty {
                lines.append("\(summary.problems.count) row\(summary.problems.count == 1 ? "" : "s") skipped:")
                lines += summary.problems.map { "  \($0)" }
            }
            return lines.joined(separator: "\n")
        }
    }
}
