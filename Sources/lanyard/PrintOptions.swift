import ArgumentParser
import Foundation
import PrintQueue
import Roster
import Station

/// Flags shared by the commands that print.
struct PrintOptions: ParsableArguments {
    @Option(help: "A CUPS queue (as lpstat shows it) or a printer profile to print on first.") var printer: String?
    @Option(
        help: """
            The station's printers in order, comma-separated: primary, then fallbacks; QUEUE=PROFILE when a queue is not \
            named after its printer's profile (default: $LANYARD_PRINTERS, station.yaml, else every queue).
            """)
    var printers: String?
    @Option(help: "Seconds a job may make no progress before it moves to the next printer.") var stallTimeout: Double?
    @Option(help: "Seconds to follow the job before answering (it keeps its place in the queue either way).") var wait: Double = 60

    /// Opens the station with these printers.
    func open(_ station: StationOptions) async throws -> Station {
        try await station.open(printers: printers, stallTimeout: stallTimeout)
    }

    /// Steps the queue until job `key` has ended or `--wait` passes, telling the desk where the badge is.
    func follow(_ key: String, at station: Station) async throws -> PrintJob {
        try await station.printing {
            try await station.follow(key, timeout: .seconds(wait)) { job in
                if let message = job.message { FileHandle.standardError.write(Data("\(job.state.rawValue): \(message)\n".utf8)) }
            }
        }
    }

    /// The desk's sentence for a job.
    static func describe(_ job: PrintJob) -> String {
        switch job.state {
        case .printed: "Badge for \(job.reference) printed on \(job.queue ?? "?")."
        case .failed: "Badge for \(job.reference) cannot be printed: \(job.message ?? "unknown reason")."
        default: "Badge for \(job.reference) is queued (\(job.message ?? "waiting for a printer")); it will print when a printer is available."
        }
    }
}
