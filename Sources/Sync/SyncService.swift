public import Logging
import RosterStore
public import ServiceLifecycle
public import Station

/// Keeps a station in step with its hub for as long as it runs: its own entries pushed as they are made, the hub's
/// log pulled as it grows (a long poll), each merged once. Where it got to is kept in the store, so a restart
/// resumes there; while the hub cannot be reached the station works alone and tries again every few seconds.
public struct SyncService: Service {
    private let station: Station
    private let hub: any HubLink
    private let logger: Logger
    /// At most how many entries go in one push; fewer when they would not fit in the hub's request limit.
    static let pushBatch = 1_000
    static let pullBatch = 1_000

    public init(station: Station, hub: any HubLink, logger: Logger) {
        self.station = station
        self.hub = hub
        self.logger = logger
    }

    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.keepPushing() }
            group.addTask { await self.keepPulling() }
            try? await gracefulShutdown()
            group.cancelAll()
        }
    }

    /// Pushes what this station made, as soon as it is in the store (looking every 100 ms).
    private func keepPushing() async {
        while !Task.isCancelled {
            do {
                let pushed = try await station.syncCursor("pushed")
                let own = try await station.ownEntries(after: pushed, limit: Self.pushBatch)
                if !own.isEmpty {
                    let batch = try HubClient.fitting(own)
                    _ = try await hub.push(batch.map(\.entry))
                    station.recordHubContact()
                    try await station.advanceSyncCursor("pushed", to: batch[batch.count - 1].position)
                    continue
                }
                try await Task.sleep(for: .milliseconds(100))
            } catch is CancellationError {
                return
            } catch {
                logger.warning("Sync: push failed", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(2))
            }
        }
    }

    /// Pulls the hub's log after the cursor, merging each page.
    private func keepPulling() async {
        while !Task.isCancelled {
            do {
                let pulled = try await station.syncCursor("pulled")
                let roster = try await station.syncCursor("roster")
                let batch = try await hub.pull(after: pulled, limit: Self.pullBatch, wait: 20, roster: roster)
                station.recordHubContact()
                try await station.merge(batch.entries.map(\.entry))
                if batch.last > pulled { try await station.advanceSyncCursor("pulled", to: batch.last) }
                if batch.rosterRevision != roster {
                    // The hub's roster changed (a pull from the registration system, a walk-in): take it again.
                    try await station.takeRoster(of: try await hub.event(signing: false))
                }
            } catch is CancellationError {
                return
            } catch {
                logger.warning("Sync: pull failed", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(2))
            }
        }
    }
}
