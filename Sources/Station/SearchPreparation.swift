import Dispatch
import Logging
import Roster
import RosterStore
public import ServiceLifecycle
import Synchronization

/// Builds the desk search's index as the station starts, so that the first desk to type after start-up is not kept
/// waiting while a large roster is indexed; opens the transliterators a query in another script needs, and reads the
/// roster ahead (``Station/readRosterAhead()``); then, with searches answered already, stores an index it built for
/// the next station to load. Runs beside the server until the station shuts down.
public struct SearchPreparation: Service {
    let station: Station

    public func run() async throws {
        await station.startPreparingSearch().value
        try? await gracefulShutdown()
    }

    /// Builds or loads the index, opens the transliterators beside it, then reads the roster ahead; what fails is
    /// said in the log, and left to the first searches.
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
        _ = await opened
        do {
            try await station.readRosterAhead()
        } catch {
            station.logger.warning("Could not read the roster ahead; the first searches will: \(error)")
        }
    }

    /// Stores an index built here, which waits for the store's write lock (an import may hold it for seconds): so
    /// after searches are answered rather than before.
    fileprivate func store() async {
        do {
            try await station.storeSearchIndex()
        } catch {
            station.logger.warning("Could not store the search index; the next station to open will build it again: \(error)")
        }
    }
}

extension Station {
    /// The service that builds the search index as the station starts.
    public var searchPreparation: SearchPreparation { SearchPreparation(station: self) }

    /// Starts preparing the search (``SearchPreparation``), or returns the preparation under way; it ends once an
    /// index built is stored too. Until the index is in memory and the roster read ahead, this station's searches
    /// wait: a few tenths of a second once, at start-up, rather than searches slowed by the work they would compete
    /// with for two cores and the disk.
    @discardableResult public func startPreparingSearch() -> Task<Void, Never> {
        searchStart.withLock { current in
            if let current { return current.done }
            let preparation = SearchPreparation(station: self)
            let ready = Task { await preparation.prepare() }
            let done = Task {
                await ready.value
                await preparation.store()
                searchStart.withLock { $0 = nil }
            }
            current = (ready, done)
            return done
        }
    }
}
