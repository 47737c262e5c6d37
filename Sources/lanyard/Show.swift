import ArgumentParser
import Foundation
import Roster
import RosterImport
import RosterStore

extension Lanyard {
    /// `lanyard show`: one delegate's registration and what happened on site.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one delegate.")

        @OptionGroup var station: StationOptions
        @Argument(help: "The delegate's reference.") var reference: String

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let database = try station.openDatabase()
                let delegate = try database.delegate(reference)
                let log = try database.logEntries(reference: delegate.reference)
                struct Answer: Encodable { let delegate: DelegateView; let log: [LogEntry] }
                try output.answer(Answer(delegate: DelegateView(delegate), log: log)) {
                    var lines = [
                        "\(delegate.reference)  \([delegate.title, delegate.displayName].filter { !$0.isEmpty }.joined(separator: " "))",
                    ]
                    if let native = delegate.nativeName { lines.append("  Native name:  \(native)") }
                    lines += [
                        "  Organisation: \(delegate.organisation) (\(delegate.country))",
                        "  Category:     \(delegate.category)",
                        "  Email:        \(delegate.email)",
                        "  Sessions:     \(delegate.sessions.joined(separator: ", "))",
                        "  Days:         \(delegate.days.map(String.init).joined(separator: ", "))",
                        "  Status:       \(delegate.status.rawValue)",
                    ]
                    lines += log.map { "  \($0.at.formatted(.iso8601))  \($0.kind.rawValue) at \($0.station)" }
                    return lines.joined(separator: "\n")
                }
            }
        }
    }
}
