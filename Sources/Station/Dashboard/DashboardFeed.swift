import Foundation
public import Logging
public import ServiceLifecycle
import Synchronization

/// The live dashboard for every organiser watching: recomputed once when something happens at the station (at most
/// once per `interval`, so a burst of check-ins and scans costs one computation), and every 30 seconds as the clock moves on;
/// encoded once and handed to every watcher. Nothing is computed while nobody watches.
public final class DashboardFeed: Service, Sendable {
    /// What a watcher is handed.
    public enum Update: Sendable, Equatable {
        /// The dashboard's JSON.
        case figures(String)
        /// The dashboard could not be computed, and why, in a sentence; the figures shown are no longer current.
        case problem(String)
    }

    private struct Watchers {
        var continuations: [UUID: AsyncStream<Update>.Continuation] = [:]
        /// The dashboard's JSON as last computed, while it is current.
        var latest: String?
    }

    private let station: Station
    private let interval: Duration
    private let logger: Logger
    private let watchers = Mutex(Watchers())
    private let changes: AsyncStream<Void>
    private let changed: AsyncStream<Void>.Continuation

    public init(station: Station, interval: Duration = .milliseconds(500), logger: Logger) {
        self.station = station
        self.interval = interval
        self.logger = logger
        (changes, changed) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// The dashboard's JSON now, then again each time it changes, until the consumer stops iterating; a problem
    /// when it cannot be computed.
    public func watch() -> AsyncStream<Update> {
        let (stream, continuation) = AsyncStream.makeStream(of: Update.self, bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        let latest = watchers.withLock { state in
            state.continuations[id] = continuation
            return state.latest
        }
        if let latest { continuation.yield(.figures(latest)) } else { changed.yield() }
        continuation.onTermination = { [weak self] _ in
            _ = self?.watchers.withLock { $0.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    public func run() async throws {
        let events = station.events.subscribe()
        let changed = changed
        await withTaskGroup(of: Void.self) { group in
            group.addTask { for await _ in events { changed.yield() } }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(30))
                    changed.yield()
                }
            }
            group.addTask { await self.publishChanges() }
            try? await gracefulShutdown()
            group.cancelAll()
        }
    }

    private func publishChanges() async {
        for await _ in changes {
            let isWatched = watchers.withLock { state in
                if state.continuations.isEmpty { state.latest = nil }
                return !state.continuations.isEmpty
            }
            guard isWatched else { continue }
            let started = ContinuousClock.now
            do {
                let json = String(decoding: try StationJSON.encoder().encode(try await station.dashboard()), as: UTF8.self)
                let continuations = watchers.withLock { state in
                    state.latest = json
                    return Array(state.continuations.values)
                }
                for continuation in continuations { continuation.yield(.figures(json)) }
            } catch {
                logger.warning("The dashboard could not be computed", metadata: ["error": "\(error)"])
                let continuations = watchers.withLock { state in
                    state.latest = nil
                    return Array(state.continuations.values)
                }
                let problem = "The dashboard could not be computed (\(error)). It tries again when something happens, and every 30 seconds."
                for continuation in continuations { continuation.yield(.problem(problem)) }
            }
            // At most once per interval from the start of this computation: a change that came in while it ran
            // waits only for the rest of the interval.
            try? await Task.sleep(until: started + interval)
        }
    }
}
