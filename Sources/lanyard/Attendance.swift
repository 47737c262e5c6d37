import ArgumentParser
import Attendance
import Foundation
import Roster
import Station

extension Lanyard {
    /// `lanyard attendance`: the organisers' figures, from the on-site log.
    struct Attendance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Arrivals per day, on site now, session occupancy against capacity, and no-shows.")

        @OptionGroup var station: StationOptions
        @Option(help: "Only this event day.") var day: Int?

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let report = try await station.open().attendance(day: day)
                try output.answer(report) { Self.describe(report) }
            }
        }

        static func describe(_ report: AttendanceReport) -> String {
            let expected = report.byCategory.reduce(0) { $0 + $1.expected }
            let arrived = report.byCategory.reduce(0) { $0 + $1.checkedIn }
            var lines = [
                "\(report.day.map { "Day \($0)" } ?? "All days"): \(arrived) of \(expected) expected delegates checked in; \(report.onSiteNow) on site now; \(report.noShows.count) not arrived.",
                "",
                "Arrivals by day: " + report.arrivalsByDay.map { "day \($0.key) \($0.count)" }.joined(separator: ", "),
                "Arrivals by hour (event time):",
            ]
            lines += report.arrivalsByHour.map { "  day \($0.key)  \(String(repeating: "█", count: min(60, $0.count))) \($0.count)" }
            lines += ["", "By category (checked in / expected):"]
            lines += report.byCategory.map { "  \($0.key.padding(toLength: 6, withPad: " ", startingAt: 0)) \($0.checkedIn) / \($0.expected)" }
            lines += ["", "Sessions (inside now / capacity, entries):"]
            lines += report.sessions.map {
                "  \($0.code.padding(toLength: 4, withPad: " ", startingAt: 0)) day \($0.day)  \($0.occupancy) / \($0.capacity)  (\($0.entries) entered)  \($0.room): \($0.title)"
            }
            return lines.joined(separator: "\n")
        }
    }

    /// `lanyard rollcall`: everyone on site now and where they were last seen.
    struct Rollcall: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Everyone on site now with the last place they were seen (for an evacuation), by organisation.")

        @OptionGroup var station: StationOptions
        @Flag(help: "Answer as CSV (RFC 4180; cells that a spreadsheet would run as formulas are neutralised).") var csv = false

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let station = try await station.open()
                if csv { return print(try await station.rollCallCSV(), terminator: "") }
                let rollCall = try await station.rollCall()
                try output.answer(rollCall) {
                    (["\(rollCall.people.count) on site (day \(rollCall.day)):"]
                        + rollCall.people.map {
                            "  \($0.organisation)  \($0.name) (\($0.reference))  — \($0.lastSeenAt), \(station.event.clockTime($0.lastSeenTime))"
                        }).joined(separator: "\n")
                }
            }
        }
    }
}
