import ArgumentParser
import Foundation
import Logging

/// Lanyard: check-in and badge printing for conference registration desks and session doors.
@main
struct Lanyard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check-in, badges and door control for a conference.",
        discussion: "Data lives in one folder: --data DIR, or LANYARD_DATA, or ./lanyard-data.",
        subcommands: [
            Init.self, Import.self, Search.self, Show.self, CheckIn.self, CheckOut.self, Badge.self, Badges.self, Verify.self,
            Keys.self, Confirmations.self, Print.self, Printers.self, Door.self, Attendance.self, Rollcall.self, Staff.self, Serve.self,
            Demo.self,
        ])

    /// The one logger of a command's run: warnings and errors on stderr, or more with `LANYARD_LOG_LEVEL`.
    static func logger() -> Logger {
        var logger = Logger(label: "lanyard") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = ProcessInfo.processInfo.environment["LANYARD_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        return logger
    }
}
