import Station
import ArgumentParser
import Foundation
import Roster
import RosterImport
import RosterStore

extension Lanyard {
    /// `lanyard checkin`: records an arrival at a desk.
    struct CheckIn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkin",
            abstract: "Check a delegate in at a desk.",
            discussion: "Checking in twice is harmless. A cancelled registration is refused (exit 3) unless --force.")

        @OptionGroup var station: StationOptions
        @Argument(help: "The delegate's reference.") var reference: String
        @Option(name: .customLong("station"), help: "This desk's name (default: $LANYARD_STATION, else the host name).")
        var stationName: String?
        @Flag(help: "Organiser's override: check in a cancelled registration, recorded as forced.") var force = false
        @Flag(help: "Print the badge: the check-in is recorded first, then the badge goes to the label printer.") var print = false
        @OptionGroup var printing: PrintOptions

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let desk = stationName ?? ProcessInfo.processInfo.environment["LANYARD_STATION"] ?? ProcessInfo.processInfo.hostName
                let receipt = try station.openDatabase().checkIn(reference: reference, station: desk, force: force)
                // Keyed by the check-in itself: checking in again (or retrying) never prints a second badge.
                var job: PrintJob?
                if print {
                    let spooler = try printing.spooler(station)
                    let key = "checkin-\(receipt.entry.id)"
                    _ = try spooler.request(reference: receipt.delegate.reference, key: key, station: desk, preferredQueue: printing.printer)
                    job = try await printing.follow(key, with: spooler)
                }
                struct Answer: Encodable {
                    let delegate: DelegateView
                    let firstCheckIn: Bool
                    let forced: Bool
                    let checkIn: LogEntry
                    let print: PrintJob?
                }
                let answer = Answer(
                    delegate: DelegateView(receipt.delegate), firstCheckIn: receipt.isFirstCheckIn, forced: receipt.wasForced,
                    checkIn: receipt.entry, print: job)
                try output.answer(answer) {
                    let name = receipt.delegate.displayName
                    let when = receipt.entry.at.formatted(date: .abbreviated, time: .shortened)
                    if !receipt.isFirstCheckIn {
                        return "\(name) was already checked in at \(receipt.entry.station), \(when)." + (job.map { " " + Print.describe($0) } ?? "")
                    }
                    let printed = job.map { " " + Print.describe($0) } ?? ""
                    return "Checked in \(name) (\(receipt.delegate.reference)) at \(desk)\(receipt.wasForced ? ", overriding a cancelled registration" : "").\(printed)"
                }
                if let job, job.state != .printed { throw ExitCode(6) }
            }
        }
    }
}
