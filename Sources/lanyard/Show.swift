import ArgumentParser
import Badges
import Foundation
import Roster
import Station

extension Lanyard {
    /// `lanyard show`: one delegate's registration, badge, prints and what happened on site.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one delegate.")

        @OptionGroup var station: StationOptions
        @Argument(help: "The delegate's reference.") var reference: String

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let station = try await station.open()
                let card = try await station.card(reference)
                try output.answer(card) {
                    let delegate = card.delegate.delegate
                    var lines = ["\(delegate.reference)  \([delegate.title, delegate.displayName].filter { !$0.isEmpty }.joined(separator: " "))"]
                    if let native = delegate.nativeName { lines.append("  Native name:  \(native)") }
                    lines += [
                        "  Organisation: \(delegate.organisation) (\(delegate.country))",
                        "  Category:     \(delegate.category)",
                        "  Email:        \(delegate.email)",
                        "  Sessions:     \(delegate.sessions.joined(separator: ", "))",
                        "  Days:         \(delegate.days.map(String.init).joined(separator: ", "))",
                        "  Status:       \(delegate.status.rawValue)",
                        "  Badge:        "
                            + (card.badge.map { "serial \($0.serial)" + ($0.revocationReason.map { ", revoked (\($0))" } ?? "") } ?? "none yet"),
                    ]
                    lines += card.log.map { "  " + DelegateText.line($0, event: station.event) }
                    return lines.joined(separator: "\n")
                }
            }
        }
    }
}
