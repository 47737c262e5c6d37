import ArgumentParser
import Foundation
import Roster
import Station

extension Lanyard {
    /// `lanyard checkin`: records an arrival at a desk.
    struct CheckIn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkin",
            abstract: "Check a delegate in at a desk: the day's arrival.",
            discussion: """
                Checking in twice the same day is harmless; a returning delegate's first check-in of a day is that day's \
                arrival. A cancelled registration is refused (exit 3) unless --force. With --print the badge is printed \
                when the delegate has none yet (a lost badge is reprinted with `lanyard print`).
                """)

        @OptionGroup var station: StationOptions
        @Argument(help: "The delegate's reference.") var reference: String
        @Flag(help: "Organiser's override: check in a cancelled registration, recorded as forced.") var force = false
        @Flag(help: "Print the badge: the check-in is recorded first, then the badge goes to the label printer.") var print = false
        @OptionGroup var printing: PrintOptions

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let station = try await printing.open(self.station)
                var view = try await station.checkIn(.init(reference: reference, force: force, print: print, printer: printing.printer))
                if let job = view.print, !job.state.isFinished {
                    view = CheckInView(
                        view, print: try await printing.follow(job.key, at: station))
                }
                try output.answer(view) { Self.describe(view, event: station.event, desk: station.name) }
                if let job = view.print, job.state != .printed { throw ExitStatus.notPrintedYet.exitCode }
            }
        }

        static func describe(_ view: CheckInView, event: Event, desk: String) -> String {
            let delegate = view.delegate.delegate
            let printed = view.print.map { " " + PrintOptions.describe($0) } ?? view.printNote.map { " " + $0 } ?? ""
            guard view.firstCheckIn else {
                return "\(delegate.displayName) was already checked in today at \(view.checkIn.station), \(event.clockTime(view.checkIn.at))."
                    + printed
            }
            let forced = view.forced ? ", overriding a cancelled registration" : ""
            return "Checked in \(delegate.displayName) (\(delegate.reference)) at \(desk), \(event.clockTime(view.checkIn.at))\(forced).\(printed)"
        }
    }

    /// `lanyard checkout`: records that a delegate left the site.
    struct CheckOut: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkout", abstract: "Record that a delegate left the site: they leave the roll-call until they arrive again.")

        @OptionGroup var station: StationOptions
        @Argument(help: "The delegate's reference.") var reference: String

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let station = try await station.open()
                let entry = try await station.checkOut(reference)
                try output.answer(entry) { "Checked out \(entry.reference ?? reference) at \(station.event.clockTime(entry.at))." }
            }
        }
    }
}
