import ArgumentParser
import Foundation
import Roster
import Station

extension Lanyard {
    /// `lanyard badges`: pre-prints the roster (or part of it) as one multi-page PDF.
    struct Badges: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue and render many badges as one PDF, a page each, for pre-printing.",
            discussion: "A badge that cannot be made is left out and listed, and not issued (exit 6); the others are written.")

        @OptionGroup var station: StationOptions
        @Option(help: "The PDF to write.") var out: String
        @Option(help: "Only this category code.") var category: String?
        @Option(help: "Only this country (ISO alpha-2).") var country: String?
        @Flag(help: "Include cancelled registrations.") var includeCancelled = false
        @Option(help: "Page order: family-name, country or category.") var sort: Station.BatchSelection.Order = .familyName
        @Option(help: "A shipped template name or a template file.") var template: String?

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let progress = Progress()
                let batch = try await station.open().issueBadges(
                    .init(category: category, country: country, includeCancelled: includeCancelled, order: sort), template: template,
                    to: URL(fileURLWithPath: out)
                ) { progress.update("Rendering badges", done: $0, total: $1) }
                progress.finish()
                try output.answer(batch) {
                    (["\(batch.badges.count) badges written to \(batch.file), one page each, by \(sort.rawValue)."]
                        + batch.problems.map { "  Left out \($0.reference): \($0.reason)" }).joined(separator: "\n")
                }
                if !batch.problems.isEmpty { throw ExitStatus.notPrintedYet.exitCode }
            }
        }
    }
}
