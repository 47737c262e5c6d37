import ArgumentParser

/// Lanyard: check-in and badge printing for conference registration desks and session doors.
@main
struct Lanyard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check-in, badges and door control for a conference.",
        discussion: "Data lives in one folder: --data DIR, or LANYARD_DATA, or ./lanyard-data.",
        subcommands: [
            Init.self, Import.self, Search.self, Show.self, CheckIn.self, Badge.self, Badges.self, Verify.self, Keys.self,
            Print.self, Printers.self, Door.self, Attendance.self, Rollcall.self,
            Demo.self, Bench.self,
        ])
}
