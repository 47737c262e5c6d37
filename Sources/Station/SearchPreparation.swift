import Dispatch
import Logging
import Roster
import RosterStore
public import ServiceLifecycle
import Synchronization

/// Builds the desk search's index as the station starts (and stores one it built, for the next station to load),
/// so that the first desk to type after start-up is not kept waiting while a large roster is indexed, opens the
/// transliterators a query in another script needs, and reads the roster ahead (``Station/readRosterAhead()``). Runs beside the server until the station shuts down.
public struct SearchPreparation: Service {
    let station: Station

    public func run() async throws {
        await station.startPreparingSearch().value
        try? await gracefulShutdown()
    }

    /// Builds or loads the index (storing one it built), opens the transliterators, then reads the roster ahead;
    /// what fails is said in the log, and left to the first searches.
    fileprivate func prepare() async {
        let clock = ContinuousClock()
        let start = clock.now
        // Beside the index rather than after it; blocking work, off Swift's cooperative pool, as the store's is.
        async let opened: Void? = try? DispatchQueue.blocking.perform { NameFolder.openTransliterators() }
        do {
            try await station.prepareSearch()
            station.logger.info("Search index ready", metadata: ["took": "\(clock.now - start)"])
        } catch {
            station.logger.warning("Could not prepare the search ahead; the first search will: \(error)")
        }
        do {
            try await station.storeSearchIndex()
        } catch {
            station.logger.warning("Could not store the search index; the next station to open will build it again: \(error)")
        }
        _ = await opened
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

    /// Starts preparing the search (``SearchPreparation``), or returns the preparation under way. Until it ends, this
    /// station's searches wait for it: a few tenths of a second once, at start-up, rather than searches slowed
    /// throughout it by the work they would compete with for two cores and the disk.
    @discardableResult public func startPreparingSearch() -> Task<Void, Never> {
        searchStart.withLock { current in
            if let current { return current }
            let preparing = Task {
                await SearchPreparation(station: self).prepare()
                searchStart.withLock { $0 = nil }
            }
            current = preparing
            return preparing
        }
    }
}
