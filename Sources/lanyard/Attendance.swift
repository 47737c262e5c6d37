import ArgumentParser
import DoorRules
import Foundation
import Roster
import RosterStore

extension Lanyard {
    /// `lanyard attendance`: the organisers' figures, from the on-site log.
    struct Attendance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Arrivals, on site now, session occupancy against capacity, and no-shows.")

        @OptionGroup var station: StationOptions
        @Option(help: "Only this event day.") var day: Int?

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let database = try station.openDatabase()
                let report = AttendanceReport(
                    event: try database.event(), delegates: try database.delegates(), sessions: try database.sessions(),
                    log: try database.logEntries(), day: day, now: Date())
                try output.answer(report) { Self.describe(report) }
            }
        }

        static func describe(_ report: AttendanceReport) -> String {
            let expected = report.byCategory.reduce(0) { $0 + $1.expected }
            let arrived = report.byCategory.reduce(0) { $0 + $1.checkedIn }
            var lines = [
                "\(report.day.map { "Day \($0)" } ?? "All days"): \(arrived) of \(expected) expected delegates checked in; \(report.onSiteNow) on site now; \(report.noShows.count) not arrived.",
                "",
                "Arrivals by hour:",
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
            abstract: "Everyone on site now with the last place they were seen (for an evacuation).")

        @OptionGroup var station: StationOptions
        @Flag(help: "Answer as CSV.") var csv = false

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let database = try station.openDatabase()
                let rollCall = RollCall(event: try database.event(), delegates: try database.delegates(), log: try database.logEntries(), now: Date())
                if csv {
                    print("reference,name,organisation,last_seen_at,last_seen_time")
                    for person in rollCall.people {
                        print([person.reference, person.name, person.organisation, person.lastSeenAt, person.lastSeenTime.formatted(.iso8601)]
                            .map(Self.csvField).joined(separator: ","))
                    }
                    return
                }
                try output.answer(rollCall) {
                    (["\(rollCall.people.count) on site:"] + rollCall.people.map {
                        "  \($0.reference)  \($0.name)  \($0.organisation)  — \($0.lastSeenAt), \($0.lastSeenTime.formatted(date: .omitted, time: .shortened))"
                    }).joined(separator: "\n")
                }
            }
        }

        private static func csvField(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
    }
}
