import RosterStore
import Roster
import ArgumentParser
import Foundation
import Printing
import Station

/// Flags shared by the commands that print.
struct PrintOptions: ParsableArguments {
    @Option(help: "A CUPS queue (as lpstat shows it) or a printer profile to print on first.") var printer: String?
    @Option(help: """
        The station's printers in order, comma-separated: primary, then fallbacks; QUEUE=PROFILE when a queue is not \
        named after its printer's profile (default: $LANYARD_PRINTERS, else every queue).
        """)
    var printers: String?
    @Option(help: "Seconds a job may make no progress before it moves to the next printer.") var stallTimeout: Double = 30
    @Option(help: "Seconds to follow the job before answering (it keeps its place in the queue either way).") var wait: Double = 60

    /// The printer profiles: `$LANYARD_HARDWARE/printers`, else `./Hardware/printers`.
    static var profilesFolder: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.environment["LANYARD_HARDWARE"] ?? "Hardware", isDirectory: true)
            .appendingPathComponent("printers", isDirectory: true)
    }

    /// The station's route: `--printers`, else `$LANYARD_PRINTERS`.
    static func route(_ printers: String?) -> PrinterRoute {
        PrinterRoute(printers ?? ProcessInfo.processInfo.environment["LANYARD_PRINTERS"] ?? "")
    }

    func spooler(_ station: StationOptions) throws -> PrintSpooler {
        let route = Self.route(printers)
        return PrintSpooler(
            desk: try station.openBadgeDesk(), printer: try CupsConnection(), spool: station.folder.spoolURL,
            configuration: .init(
                route: route.queues, stallTimeout: stallTimeout, profiles: try PrinterProfile.all(in: Self.profilesFolder),
                queueProfiles: route.profiles))
    }

    /// Follows `key` until it prints or `--wait` passes, telling the desk where the badge comes out.
    func follow(_ key: String, with spooler: PrintSpooler) async throws -> PrintJob? {
        try await spooler.wait(for: key, timeout: wait) { event in
            FileHandle.standardError.write(Data("\(event)\n".utf8))
        }
    }
}
