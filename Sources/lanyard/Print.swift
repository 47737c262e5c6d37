import ArgumentParser
import Foundation
import Printing
import Roster
import Station

extension Lanyard {
    /// `lanyard print`: prints a delegate's badge on the station's label printers.
    struct Print: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a delegate's badge (a reprint supersedes the old badge).",
            discussion: """
                The request is stored before anything else: if a printer faults it moves to the next; if none is \
                available it waits in the queue (exit 6) and prints later. The same --key again never prints twice.
                """)

        @OptionGroup var station: StationOptions
        @OptionGroup var printing: PrintOptions
        @Argument(help: "The delegate's reference.") var reference: String
        @Option(help: "An idempotency key: a retried request with the same key prints once (default: a new one).") var key: String?
        @Option(name: .customLong("station"), help: "This desk's name.") var stationName: String?

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let spooler = try printing.spooler(station)
                let job = try spooler.request(
                    reference: reference, key: key ?? "print-\(UUID().uuidString)", station: station.deskName(stationName),
                    preferredQueue: printing.printer)
                let result = try await printing.follow(job.key, with: spooler) ?? job
                try output.answer(result) { Self.describe(result) }
                if result.state != .printed { throw ExitCode(6) }
            }
        }

        static func describe(_ job: PrintJob) -> String {
            switch job.state {
            case .printed: "Badge for \(job.reference) printed on \(job.queue ?? "?")."
            default: "Badge for \(job.reference) is queued (\(job.message ?? "waiting for a printer")); it will print when a printer is available."
            }
        }
    }

    /// `lanyard printers`: every queue of the CUPS server, its state and profile.
    struct Printers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the CUPS queues, their state and profiles.")

        @Option(help: "The station's printers, as for `lanyard print`: gives the profile of queues not named after theirs.")
        var printers: String?
        @Flag(help: "Answer in JSON.") var json = false

        func run() async throws {
            let output = Output(json: json)
            try await output.run {
                let profiles = try PrinterProfile.all(in: PrintOptions.profilesFolder)
                let route = PrintOptions.route(printers)
                struct Queue: Encodable { let printer: PrinterStatus; let healthy: Bool; let profile: String? }
                let queues = try CupsConnection().printers().map { status in
                    let profile = route.profiles[status.name] ?? status.name
                    return Queue(printer: status, healthy: status.isHealthy, profile: profiles.first { $0.name == profile }?.name)
                }
                try output.answer(queues) {
                    queues.isEmpty ? "The CUPS server has no queues. Add one with Hardware/cups/add-printer.sh." :
                    queues.map { queue in
                        let reasons = queue.printer.reasons.isEmpty ? "" : " (\(queue.printer.reasons.joined(separator: ", ")))"
                        return "\(queue.healthy ? "✓" : "✗") \(queue.printer.name)  \(queue.printer.state.rawValue)\(reasons)\(queue.printer.isAcceptingJobs ? "" : " not accepting")  \(queue.profile.map { "profile \($0)" } ?? "no profile: PDF")  \(queue.printer.deviceURI)"
                    }.joined(separator: "\n")
                }
            }
        }
    }
}
