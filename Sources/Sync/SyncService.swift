import Foundation
public import Logging
import RosterStore
public import ServiceLifecycle
public import Station

/// Keeps a station in step with its hub for as long as it runs: its own entries pushed as they are made, the hub's
/// log pulled as it grows (a long poll), each merged once. Where it got to is kept in the store, so a restart
/// resumes there; while the hub cannot be reached the station works alone and tries again every few seconds.
///
/// Given peers (other stations of the event, such as the one serving the other doors of a room), it also pushes its
/// entries to each of them directly, so that a badge passed back between the doors is caught while the hub is away.
/// It keeps the event's station tokens from the hub, so that the peers pushing to it are known.
public struct SyncService: Service {
    private let station: Station
    private let hub: any HubLink
    private let peers: [HubClient]
    private let keepsStationTokens: Bool
    private let logger: Logger
    /// At most how many entries go in one push; fewer when they would not fit in the hub's request limit.
    static let pushBatch = 1_000
    static let pullBatch = 1_000

    /// - Parameter keepsStationTokens: Whether to take the event's station tokens from the hub: a station joined to a
    ///   hub does; a hub keeping its copy in step with the database its hubs share does not (it asks the database).
    public init(station: Station, hub: any HubLink, peers: [HubClient] = [], keepsStationTokens: Bool = true, logger: Logger) {
        self.station = station
        self.hub = hub
        self.peers = peers
        self.keepsStationTokens = keepsStationTokens
        self.logger = logger
    }

    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.keepPushing(to: self.hub, cursor: "pushed", isHub: true) }
            for peer in peers {
                group.addTask { await self.keepPushing(to: peer, cursor: "pushed to \(peer.url.absoluteString)", isHub: false) }
            }
            group.addTask { await self.keepPulling() }
            if keepsStationTokens { group.addTask { await self.keepStationTokens() } }
            try? await gracefulShutdown()
            group.cancelAll()
        }
    }

    /// Pushes what this station made to `link` (the hub, or a peer), as soon as it is in the store (looking every
    /// 100 ms), from the position kept as `cursor`.
    private func keepPushing(to link: any HubLink, cursor: String, isHub: Bool) async {
        var failing = false
        while !Task.isCancelled {
            do {
                let pushed = try await station.syncCursor(cursor)
                let own = try await station.ownEntries(after: pushed, limit: Self.pushBatch)
                if !own.isEmpty {
                    let batch = try HubClient.fitting(own)
                    _ = try await link.push(batch.map(\.entry))
                    if isHub { station.recordHubContact() }
                    try await station.advanceSyncCursor(cursor, to: batch[batch.count - 1].position)
                    failing = false
                    continue
                }
                try await Task.sleep(for: .milliseconds(100))
            } catch is CancellationError {
                return
            } catch {
                // Said once while it lasts: a peer that is switched off would otherwise fill the log.
                if !failing { logger.warning("Sync: push failed", metadata: ["to": "\(cursor)", "error": "\(error)"]) }
                failing = true
                try? await Task.sleep(for: .seconds(2))
            }
        }
    }

    /// Takes the event's station tokens from the hub every 30 seconds, so that peers pushing here are known (and a
    /// token revoked at the hub is refused here within that time).
    private func keepStationTokens() async {
        while !Task.isCancelled {
            do {
                try await station.adoptStationTokens(try await hub.stationTokens())
            } catch is CancellationError {
                return
            } catch {
                logger.debug("Sync: station tokens not taken", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .seconds(30))
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
