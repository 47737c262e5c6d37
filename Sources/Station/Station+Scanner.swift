import DoorRules
import Logging
import Roster
import Scanning
public import ServiceLifecycle

extension Station {
    /// The station's own scanner (station.yaml's `scanner`) as a service that decides every scan at its door until
    /// the station shuts down; nil when the station has no scanner or its scanner names no door.
    public func scannerService() async throws -> ScannerService? {
        guard let settings = configuration.scanner, let doorName = settings.door else { return nil }
        let door = try await door(named: doorName)
        return ScannerService(
            station: self, door: door, direction: settings.direction ?? .in,
            input: try scanner(device: settings.device, profile: settings.profile), logger: logger)
    }
}

/// A scanner attached to the station, read for as long as the station runs: each scan decided at its door,
/// recorded, and published to the station's screens.
public struct ScannerService: Service {
    let station: Station
    let door: DoorController
    let direction: Direction
    let input: DeviceScanner
    let logger: Logger

    public func run() async throws {
        logger.info("Scanner reader started", metadata: ["door": "\(door.door.name)"])
        for await update in station.run(door, direction: direction, input: input).cancelOnGracefulShutdown() {
            switch update {
            case .verdict(let scan):
                logger.info("\(scan.decision.verdict.rawValue) \(scan.decision.reason)", metadata: ["door": "\(scan.door)"])
            case .note(let note), .problem(let note):
                logger.notice("\(note)", metadata: ["door": "\(door.door.name)"])
            }
        }
        await door.flush()
    }
}
