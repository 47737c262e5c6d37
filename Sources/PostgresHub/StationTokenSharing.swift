import Logging
public import ServiceLifecycle
public import Station

/// Shares a hub's station tokens with the other hubs of its database every few seconds, for as long as it runs: a
/// station given a token at one hub is known at all of them, and a token revoked at one is refused at all of them
/// within that time (at once at the hub that revoked it).
public struct StationTokenSharing: Service {
    let database: PostgresHub
    let station: Station

    public init(database: PostgresHub, station: Station) {
        self.database = database
        self.station = station
    }

    public func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                try await database.shareStationTokens(of: station)
            } catch {
                database.logger.warning("Station tokens could not be shared with the other hubs", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .seconds(3))
        }
    }
}
