import Dispatch
import Logging
import Roster
import RosterStore
public import ServiceLifecycle

/// Builds the desk search's index as the station starts, so that the first desk to type after start-up is not
/// kept waiting while a large roster is indexed, then opens the transliterators a query in another script needs and
/// reads the roster ahead (``Station/readRosterAhead()``). Runs beside the server until the station shuts down.
public struct SearchPreparation: Service {
    let station: Station

    public func run() async throws {
        await prepare()
        try? await gracefulShutdown()
    }

    /// Builds or loads the index, opens the transliterators, then reads the roster ahead; what fails is said in the
    /// log, and left to the first searches.
    public func prepare() async {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            try await station.prepareSearch()
            station.logger.info("Search index ready", metadata: ["took": "\(clock.now - start)"])
        } catch {
            station.logger.warning("Could not prepare the search ahead; the first search will: \(error)")
        }
        // Blocking work, off Swift's cooperative pool, as the store's is.
        try? await DispatchQueue.blocking.perform { NameFolder.openTransliterators() }
        do {
            try await station.readRosterAhead()
        } catch {
            station.logger.warning("Could not read the roster ahead; the first searches will: \(error)")
        }
    }
}

extension Station {
    /// The service that builds the search index as the station starts.
    public var searchPreparation: SearchPreparation { SearchPreparation(station: self) }
}
