public import DoorRules
public import Foundation
public import Printing
import Roster
public import RosterStore

/// Everything a station is set up with, read once at the edge and passed down: command-line flags first, then
/// the environment (`LANYARD_DATA`, `LANYARD_STATION`, `LANYARD_PRINTERS`, `LANYARD_HARDWARE`), then
/// `station.yaml` in the data folder, then defaults.
public struct StationConfiguration: Sendable {
    /// The data folder.
    public var data: DataFolder
    /// The station's name in the log (`desk-2`, `door-A4`); by default the host's name.
    public var name: String
    /// The station's printers: primary first, then fallbacks, each with its profile when not named after it.
    public var printers: PrinterRoute
    /// How long a badge may make no progress before it moves to the next printer.
    public var stallTimeout: TimeInterval
    /// The station's doors. A session's door that is not configured gets the default rules.
    public var doors: [Door]
    /// The station's own scanner, when it has one.
    public var scanner: ScannerSettings?
    /// A folder whose `printers/` and `scanners/` add to the shipped profiles or override them by name.
    public var hardware: URL?
    /// How long a write waits for another process's write lock.
    public var busyTimeout: TimeInterval
    /// The CUPS server (`host:port`, `CUPS_SERVER`), or nil for the system's.
    public var cupsServer: String?

    public init(
        data: DataFolder, name: String = ProcessInfo.processInfo.hostName, printers: PrinterRoute = PrinterRoute(""),
        stallTimeout: TimeInterval = 30, doors: [Door] = [], scanner: ScannerSettings? = nil, hardware: URL? = nil,
        busyTimeout: TimeInterval = RosterDatabase.defaultBusyTimeout, cupsServer: String? = nil
    ) {
        self.data = data
        self.name = name
        self.printers = printers
        self.stallTimeout = stallTimeout
        self.doors = doors
        self.scanner = scanner
        self.hardware = hardware
        self.busyTimeout = busyTimeout
        self.cupsServer = cupsServer
    }

    /// What the command line said; nil where it said nothing.
    public struct Flags: Sendable {
        public var data: String?
        public var name: String?
        public var printers: String?
        public var stallTimeout: TimeInterval?

        public init(data: String? = nil, name: String? = nil, printers: String? = nil, stallTimeout: TimeInterval? = nil) {
            self.data = data
            self.name = name
            self.printers = printers
            self.stallTimeout = stallTimeout
        }
    }

    /// Resolves the configuration: `flags`, then `environment`, then the data folder's `station.yaml`.
    /// - Throws: ``LanyardError`` `configurationError` naming what is wrong in `station.yaml`.
    public static func resolve(_ flags: Flags, environment: [String: String]) throws -> StationConfiguration {
        let data = DataFolder(path: flags.data ?? environment["LANYARD_DATA"] ?? "lanyard-data")
        let file = try StationFile.load(data.configurationURL)
        return StationConfiguration(
            data: data,
            name: flags.name ?? environment["LANYARD_STATION"] ?? file?.station ?? ProcessInfo.processInfo.hostName,
            printers: PrinterRoute(flags.printers ?? environment["LANYARD_PRINTERS"] ?? file?.printers ?? ""),
            stallTimeout: flags.stallTimeout ?? file?.stallTimeout ?? 30,
            doors: try file?.resolvedDoors() ?? [],
            scanner: file?.scanner,
            hardware: (environment["LANYARD_HARDWARE"] ?? file?.hardware).map { URL(fileURLWithPath: $0, isDirectory: true) },
            cupsServer: environment["CUPS_SERVER"])
    }
}
