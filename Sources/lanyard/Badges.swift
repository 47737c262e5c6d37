import ArgumentParser
import BadgeRendering
import Badges
import Foundation
import Roster
import RosterStore
import Station

extension Lanyard {
    /// `lanyard badges`: pre-prints the roster (or part of it) as one multi-page PDF.
    struct Badges: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue and render many badges as one PDF, a page each, for pre-printing.")

        enum SortOrder: String, ExpressibleByArgument, CaseIterable {
            case familyName = "family-name", country, category
        }

        @OptionGroup var station: StationOptions
        @Option(help: "The PDF to write.") var out: String
        @Option(help: "Only this category code.") var category: String?
        @Option(help: "Only this country (ISO alpha-2).") var country: String?
        @Flag(help: "Include cancelled registrations.") var includeCancelled = false
        @Option(help: "Page order: family-name, country or category.") var sort: SortOrder = .familyName
        @Option(help: "A shipped template name or a template file.") var template: String?
        @Option(name: .customLong("station"), help: "This desk's name.") var stationName: String?

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let studio = try station.openBadgeStudio(template: template)
                let delegates = try studio.desk.database.delegates().filter { delegate in
                    (includeCancelled || delegate.status == .confirmed)
                        && category.map { $0.caseInsensitiveCompare(delegate.category) == .orderedSame } ?? true
                        && country.map { $0.caseInsensitiveCompare(delegate.country) == .orderedSame } ?? true
                }
                let sorted = delegates.sorted { a, b in
                    let keys: (String, String) = switch sort {
                    case .familyName: (a.familyName, b.familyName)
                    case .country: (a.country, b.country)
                    case .category: (a.category, b.category)
                    }
                    if keys.0 != keys.1 { return keys.0.localizedStandardCompare(keys.1) == .orderedAscending }
                    return (a.familyName, a.givenName, a.reference) < (b.familyName, b.givenName, b.reference)
                }
                let progress = Progress()
                let url = URL(fileURLWithPath: out)
                let badges = try studio.issueBatch(sorted, station: station.deskName(stationName), to: url) {
                    progress.update("Rendering badges", done: $0, total: $1)
                }
                progress.finish()
                struct Answer: Encodable { let file: String; let template: String; let badges: [BadgeView] }
                try output.answer(Answer(file: url.path, template: studio.template.name, badges: badges.map { BadgeView($0, file: url.path, template: studio.template.name) })) {
                    "\(badges.count) badges written to \(url.path), one page each, by \(sort.rawValue)."
                }
            }
        }
    }
}
