import Logging
public import ServiceLifecycle
public import Station

/// Shares a hub's staff accounts and tokens with the other hubs of its database every few seconds, for as long as it
/// runs: an account or token made at one hub is known at all of them, and one revoked at one is refused at all of
/// them within that time (at once at the hub that revoked it).
public struct StaffSharing: Service {
    let database: PostgresHub
    let station: Station

    public init(database: PostgresHub, station: Station) {
        self.database = database
        self.station = station
    }

    public func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                try await database.shareStaff(of: station)
            } catch {
                database.logger.warning("Staff could not be shared with the other hubs", metadata: ["error": "\(error)"])
            }
            await cancelWhenGracefulShutdown { try? await Task.sleep(for: .seconds(3)) }
        }
    }
}
