import ArgumentParser
import Foundation
import PrintQueue
import Printing
import Roster
import Station

extension Lanyard {
    /// `lanyard print`: prints a delegate's badge on the station's label printers, or what waits in the queue.
    struct Print: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a delegate's badge (a reprint supersedes the old badge), or the badges waiting in the queue.",
            discussion: """
                The request is stored before anything else: if a printer faults it moves to the next; if none is \
                usable, or CUPS is down, it waits in the queue (exit 6) and prints later: run `lanyard print --queued` \
                (or a station server) once the printers are back. The same --key again never prints twice.
                """)

        @OptionGroup var station: StationOptions
        @OptionGroup var printing: PrintOptions
        @Argument(help: "The delegate's reference.") var reference: String?
        @Option(help: "An idempotency key: a retried request with the same key prints once (default: a new one).") var key: String?
        @Option(help: "Why it is reprinted (lost, name corrected …), for the log.") var reason: String?
        @Flag(help: "Print the badges waiting in the queue, until none is left or --wait passes.") var queued = false

        func validate() throws {
            guard (reference == nil) == queued else { throw ValidationError("Give a delegate's reference, or --queued.") }
        }

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let station = try await printing.open(self.station)
                guard let reference else { return try await printQueued(station, output) }
                let job = try await station.print(reference, key: key, printer: printing.printer, reason: reason)
                let result = try await printing.follow(job.key, at: station)
                try output.answer(result) { PrintOptions.describe(result) }
                if result.state != .printed { throw ExitStatus.notPrintedYet.exitCode }
            }
        }

        private func printQueued(_ station: Station, _ output: Output) async throws {
            let jobs = try await station.printWaiting(timeout: .seconds(printing.wait))
            try output.answer(jobs) {
                jobs.isEmpty
                    ? "Every badge of the queue has been printed (or has failed: see `lanyard show`)."
                    : (["\(jobs.count) badge(s) still waiting:"] + jobs.map { "  " + PrintOptions.describe($0) }).joined(separator: "\n")
            }
            if !jobs.isEmpty { throw ExitStatus.notPrintedYet.exitCode }
        }
    }

    /// `lanyard printers`: the station's queues, their state, profile and whether their printers answer.
    struct Printers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the CUPS queues, their state, profiles and reachability.")

        @OptionGroup var station: StationOptions
        @Option(help: "The station's printers, as for `lanyard print`: gives the profile of queues not named after theirs.")
        var printers: String?

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let queues = try await station.open(printers: printers).printers()
                try output.answer(queues) {
                    queues.isEmpty
                        ? "The CUPS server has no queues. Add one with Hardware/cups/add-printer.sh."
                        : queues.map { queue in
                            let state = queue.status.map { $0.state.rawValue } ?? "missing"
                            let problem = queue.problem.map { " (\($0))" } ?? ""
                            let profile = queue.profile.map { "profile \($0)" } ?? "no profile: PDF"
                            return "\(queue.isUsable ? "✓" : "✗") \(queue.queue)  \(state)\(problem)  \(profile)  \(queue.status?.deviceURI ?? "")"
                        }.joined(separator: "\n")
                }
            }
        }
    }
}
