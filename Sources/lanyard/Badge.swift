import ArgumentParser
import BadgeRendering
import Foundation
import Roster
import Station

extension Lanyard {
    /// `lanyard badge`: a delegate's badge: issue (render to a file) or revoke.
    struct Badge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a delegate's badge to a file, or revoke it.", subcommands: [Issue.self, Revoke.self],
            defaultSubcommand: Issue.self)

        /// `lanyard badge issue`: issues the next badge (a reprint supersedes the old one) and renders it.
        struct Issue: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Issue a delegate's badge and render it to PDF, PNG or ZPL.",
                discussion: "Each call issues the next serial: the delegate's older badges stop working at the doors.")

            @OptionGroup var station: StationOptions
            @Argument(help: "The delegate's reference.") var reference: String
            @Option(help: "The file to write: .pdf, .png (preview) or .zpl (raw Zebra).") var out: String
            @Option(help: "A shipped template name or a template file (default \(BadgeStudio.defaultTemplate)).") var template: String?
            @Option(help: "Resolution of a PNG preview.") var dpi = 300
            @Option(help: "Why it is reprinted (lost, name corrected …), for the log.") var reason: String?

            func validate() throws {
                guard RenderFormat(fileExtension: URL(fileURLWithPath: out).pathExtension) != nil else {
                    throw ValidationError("--out must end in .pdf, .png or .zpl.")
                }
            }

            func run() async throws {
                let output = Output(json: station.json)
                try await output.run {
                    let url = URL(fileURLWithPath: out)
                    let badge = try await station.open().issueBadge(
                        reference, template: template, format: RenderFormat(fileExtension: url.pathExtension, dpi: dpi)!, to: url,
                        reason: reason)
                    try output.answer(badge) {
                        let notes = badge.fits.map { "  \($0.element): \($0.adjustments.map(\.rawValue).joined(separator: ", ")) at \($0.points) pt" }
                        return (["Badge \(badge.serial) for \(badge.displayName) (\(badge.reference)) written to \(url.path)."] + notes)
                            .joined(separator: "\n")
                    }
                }
            }
        }

        /// `lanyard badge revoke`: a lost or stolen badge stops opening doors.
        struct Revoke: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Revoke a delegate's badge (lost, stolen, withdrawn): doors deny it, saying why.")

            @OptionGroup var station: StationOptions
            @Argument(help: "The delegate's reference.") var reference: String
            @Option(help: "Why: doors show it to the steward (lost, stolen …).") var reason: String

            func validate() throws {
                guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--reason must say why.") }
            }

            func run() async throws {
                let output = Output(json: station.json)
                try await output.run {
                    let revoked = try await station.open().revokeBadge(reference, reason: reason)
                    try output.answer(revoked) {
                        "Badge \(revoked.serial) of \(revoked.reference) is revoked (\(revoked.reason)): doors deny it."
                    }
                }
            }
        }
    }
}
