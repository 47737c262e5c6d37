import ArgumentParser
import Foundation
import Roster
import RosterStore
import Station

/// Flags every command that works on a data folder shares.
struct StationOptions: ParsableArguments {
    @Option(name: .long, help: "The data folder (default: $LANYARD_DATA, else ./lanyard-data).")
    var data: String?

    @Option(name: .customLong("station"), help: "This station's name in the log (default: $LANYARD_STATION, station.yaml, else the host name).")
    var name: String?

    @Flag(name: .long, help: "Answer in JSON (shapes documented in README.md).")
    var json = false

    /// The station's configuration: these flags, then the environment, then the folder's station.yaml.
    func configuration(printers: String? = nil, stallTimeout: Double? = nil) throws -> StationConfiguration {
        try StationConfiguration.resolve(
            .init(data: data, name: name, printers: printers, stallTimeout: stallTimeout),
            environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the folder's station; a folder without a store is an error rather than silently created.
    func open(printers: String? = nil, stallTimeout: Double? = nil) async throws -> Station {
        let configuration = try configuration(printers: printers, stallTimeout: stallTimeout)
        guard configuration.data.exists else {
            throw LanyardError(
                .noEvent, "No Lanyard data folder at \(configuration.data.url.path).",
                remedy: "Create one with `lanyard init`, try `lanyard demo`, or point --data at an existing folder.")
        }
        return try await Station(configuration, logger: Lanyard.logger())
    }
}
