import Logging
import RosterStore
public import ServiceLifecycle

/// Builds the desk search's index as the station starts, so that the first desk to type after start-up is not
/// kept waiting while a large roster is indexed. Runs beside the server until the station shuts down.
public struct SearchPreparation: Service {
    let station: Station

    public func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            try await station.prepareSearch()
            station.logger.info("Search index ready", metadata: ["took": "\(clock.now - start)"])
        } catch {
            station.logger.warning("Could not build the search index ahead; the first search will: \(error)")
        }
        try? await gracefulShutdown()
    }
}

extension Station {
    /// The service that builds the search index as the station starts.
    public var searchPreparation: SearchPreparation { SearchPreparation(station: self) }
}
