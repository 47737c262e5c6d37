import ArgumentParser
import BadgeRendering
import Badges
import Foundation
import Roster
import RosterStore
import Station

extension Lanyard {
    /// `lanyard badge`: issues a delegate's badge (a reprint supersedes the old one) and renders it to a file.
    struct Badge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a delegate's badge and render it to PDF, PNG or ZPL.",
            discussion: "Each call issues the next serial: the delegate's older badges stop working at the doors.")

        @OptionGroup var station: StationOptions
        @Argument(help: "The delegate's reference.") var reference: String
        @Option(help: "The file to write: .pdf, .png (preview) or .zpl (raw Zebra).") var out: String
        @Option(help: "A shipped template name or a template file (default \(BadgeStudio.defaultTemplate)).") var template: String?
        @Option(help: "Resolution of a PNG preview.") var dpi = 300
        @Option(name: .customLong("station"), help: "This desk's name.") var stationName: String?

        func validate() throws {
            guard RenderFormat(fileExtension: URL(fileURLWithPath: out).pathExtension) != nil else {
                throw ValidationError("--out must end in .pdf, .png or .zpl.")
            }
        }

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let studio = try station.openBadgeStudio(template: template)
                let url = URL(fileURLWithPath: out)
                let badge = try studio.issueBadge(
                    reference: reference, station: station.deskName(stationName),
                    format: RenderFormat(fileExtension: url.pathExtension, dpi: dpi)!, to: url)
                try output.answer(BadgeView(badge, file: url.path, template: studio.template.name)) {
                    let notes = badge.fits.filter { !$0.adjustments.isEmpty }
                        .map { "  \($0.element): \($0.adjustments.map(\.rawValue).joined(separator: ", ")) at \($0.points) pt" }
                    return (["Badge \(badge.token.claims.serial) for \(badge.delegate.displayName) (\(badge.delegate.reference)) written to \(url.path)."] + notes)
                        .joined(separator: "\n")
                }
            }
        }
    }
}
