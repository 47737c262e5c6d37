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

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let desk = stationName ?? ProcessInfo.processInfo.environment["LANYARD_STATION"] ?? ProcessInfo.processInfo.hostName
                let receipt = try station.openDatabase().checkIn(reference: reference, station: desk, force: force)
                struct Answer: Encodable {
                    let delegate: DelegateView
                    let firstCheckIn: Bool
                    let forced: Bool
                    let checkIn: LogEntry
                }
                let answer = Answer(
                    delegate: DelegateView(receipt.delegate), firstCheckIn: receipt.isFirstCheckIn, forced: receipt.wasForced,
                    checkIn: receipt.entry)
                try output.answer(answer) {
                    let name = receipt.delegate.displayName
                    let when = receipt.entry.at.formatted(date: .abbreviated, time: .shortened)
                    if !receipt.isFirstCheckIn {
                        return "\(name) was already checked in at \(receipt.entry.station), \(when)."
                    }
                    return "Checked in \(name) (\(receipt.delegate.reference)) at \(desk)\(receipt.wasForced ? ", overriding a cancelled registration" : "")."
                }
            }
        }
    }
}
