import ArgumentParser
import Foundation
import Logging
import Roster
import Station

extension Lanyard {
    /// `lanyard search`: finds delegates by a few letters of a name in any script, a reference, email or organisation.
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Find delegates, best match first.")

        @OptionGroup var station: StationOptions
        @Argument(help: "A few letters of a name (any script or spelling), a reference, an email or an organisation.")
        var query: [String]
        @Option(help: "How many delegates to list at most.") var limit: Int = 10

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be at least 1.") }
        }

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let text = query.joined(separator: " ")
                let station = try await station.open()
                let hits = try await station.search(text, limit: limit)
                try output.answer(hits) {
                    hits.isEmpty ? "No delegate matches “\(text)”." : hits.map { DelegateText.line($0.delegate.delegate) }.joined(separator: "\n")
                }
                // After the answer (flushed: a pipe would hold it until exit), and never failing it: an index built
                // for this search is kept for the next one to load rather than build.
                fflush(nil)
                do {
                    try await station.storeSearchIndex()
                } catch {
                    let reason = (error as? LanyardError)?.message ?? "\(error)"
                    Lanyard.logger().warning("The search index built for this search was not kept; the next search builds it again: \(reason)")
                }
            }
        }
    }
}
