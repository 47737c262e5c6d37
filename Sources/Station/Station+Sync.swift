public import Foundation
public import Logging
public import Roster
public import RosterStore
import ServiceLifecycle
import Synchronization

extension Station {
    /// What the station `peer` joining the event gets: the event, categories, programme, roster, doors and public key; the
    /// signing key only when `signingKey` (a desk that prints, and a hub whose organiser allows it).
    public func eventPackage(for peer: String, signingKey: Bool) async throws -> EventPackage {
        let keys = keys
        let (snapshot, lastSequence) = try await store { database in (try database.rosterSnapshot(), try database.lastSequence(of: peer)) }
        let (categories, sessions, delegates, revision) = snapshot
        return EventPackage(
            station: peer, event: event, categories: categories, sessions: sessions, delegates: delegates, doors: configuration.doors,
            publicKey: try keys.publicKeyText(), signingKey: signingKey ? try keys.signingKeyText() : nil, rosterRevision: revision,
            lastSequence: lastSequence)
    }

    /// Merges entries made at other stations into this station's log, recomputing what they change, and tells the
    /// station's screens about the new ones.
    /// - Returns: How many were new.
    @discardableResult
    public func merge(_ entries: [LogEntry]) async throws -> Int {
        guard !entries.isEmpty else { return 0 }
        let merged = try await store { try $0.merge(entries) }
        for entry in merged { events.publish(.entry(entry)) }
        // The door screens of a place another station's scans moved.
        let places = Set(merged.compactMap { $0.details.scan?.door })
        if !places.isEmpty {
            let capacities = try await doorList().reduce(into: [String: Int]()) { $0[$1.place] = $1.capacity }
            for place in places {
                // With this station's own scans held at the place's doors, when it has any.
                let count: Int
                if let ledger = ledgers.withLock({ $0[place] }) {
                    count = try await ledger.occupancy()
                } else {
                    count = try await store { try $0.occupancy(of: place) }
                }
                events.publish(.occupancy(place: place, count: count, capacity: capacities[place]))
            }
        }
        return merged.count
    }

    /// The entries this station made after `position` in its log, at most `limit`: what it pushes to its hub.
    public func ownEntries(after position: Int64, limit: Int) async throws -> [PositionedEntry] {
        let name = name
        return try await store { try $0.logEntries(after: position, limit: limit, madeBy: name) }
    }

    /// The entries after `position` in this station's log, at most `limit`; when there are none yet, waits up to
    /// `wait` for some, looking every 100 ms (a long poll, so that a station pulling hears of an entry within
    /// moments, a door's scan written behind its answer included).
    /// - Parameter roster: The roster revision the asking station holds: when this station's differs, it answers at
    ///   once.
    public func entries(after position: Int64, limit: Int, wait: Duration = .zero, roster: Int64? = nil) async throws -> SyncBatch {
        let deadline = ContinuousClock.now + wait
        var revision = roster
        if revision == nil { revision = try await store { try $0.importedRosterRevision() } }
        while true {
            let (found, now) = try await store { database in
                (try database.logEntries(after: position, limit: limit), try database.importedRosterRevision())
            }
            if !found.isEmpty || now != revision || ContinuousClock.now >= deadline || Task.isCancelled || Task.isShuttingDownGracefully {
                return SyncBatch(entries: found, last: found.last?.position ?? position, rosterRevision: now)
            }
            try await Task.sleep(for: min(.milliseconds(100), deadline - ContinuousClock.now))
        }
    }
}

extension Station {
    /// Opens the station of a data folder joined to a hub: the first time, the event is created from the hub's
    /// `package` (the same event id, so its badges are this event's); later, the package's roster is brought in
    /// (new and changed registrations), leaving what happened on site as it is.
    /// - Throws: ``LanyardError`` `conflict` when the folder holds another event.
    /// The station takes the name the hub knows it by, for every front end that opens the folder from then on.
    public static func join(
        _ package: EventPackage, hub: URL, configuration: StationConfiguration, logger: Logger
    ) async throws -> Station {
        let folder = configuration.data
        try await DispatchQueue.blocking.perform {
            let database = try RosterDatabase.open(in: folder, busyTimeout: configuration.busyTimeout)
            if let existing = try? database.event() {
                guard existing.id == package.event.id else {
                    throw LanyardError(
                        .conflict, "The data folder \(folder.url.path) holds another event (\(existing.name)).",
                        remedy: "Join with an empty data folder, or with the hub of that event.")
                }
            } else {
                try database.createEvent(package.event)
            }
            let keys = EventKeys(folder: folder)
            if let signingKey = package.signingKey { try keys.importSigningKey(signingKey) } else { try keys.importPublicKey(package.publicKey) }
            try database.recordJoin(station: package.station, hub: hub.absoluteString, doors: try JSONEncoder().encode(package.doors))
            if let last = package.lastSequence { try database.raiseSequenceFloor(of: package.station, to: last) }
        }
        let station = try await Station(configuration, logger: logger)
        try await station.takeRoster(of: package)
        return station
    }
}

extension Station {
    /// Takes the hub's roster (new registrations, changes, cancellations), leaving what happened on site as it is,
    /// and notes the hub's roster revision it is.
    /// On a hub sharing a database, the registrations an import here changed that the event's roster does not have
    /// yet stay as they are, until this hub shares them.
    public func takeRoster(of package: EventPackage) async throws {
        try await store { database in
            let unshared = try database.unsharedImportReferences()
            let delegates = unshared.isEmpty ? package.delegates : package.delegates.filter { !unshared.contains($0.reference.lowercased()) }
            _ = try database.apply(categories: package.categories, sessions: package.sessions, delegates: delegates, fromHub: true)
            // Exactly the hub's revision, even one lower than before (a hub restored from a backup).
            try database.setSyncCursor("roster", to: package.rosterRevision)
        }
    }

    /// Notes that this station's roster is the event's as it stands (a hub sharing a database, once it has shared its
    /// own changes): the registrations an import changes here from then on are kept, to be shared.
    public func noteRosterInStep() async throws {
        try await store { try $0.noteRosterInStep() }
    }

    /// The registrations an import changed in this station's roster since it was last its hub's (a roster imported
    /// into a hub's folder while it was stopped); nil when none did, or when that was never noted.
    public func rosterImportedSinceInStep() async throws -> [Delegate]? {
        try await store { database in
            let changed = try database.rosterChangedSinceInStep()
            return changed.isEmpty ? nil : changed
        }
    }
}

extension Station {
    /// Notes that the station `name` made contact, and how far it has pulled this hub's log.
    public func recordContact(of name: String, pulled: Int64?) {
        peers.withLock { peers in
            let before = peers[name]?.pulled ?? 0
            peers[name] = (Date(), pulled ?? before)
        }
    }

    /// Makes `store`, a database this hub shares with the event's other hubs, the one that answers for the stations
    /// joined to the event (on the dashboard too).
    public func answerForStations(from store: any HubStore) {
        sharedHubStore.withLock { $0 = store }
    }

    /// The stations joined to this hub (to any hub of the event, with a shared database): when each last made contact
    /// and how far behind its pull is.
    public func syncPeers() async throws -> [SyncPeer] {
        // The database gone, none: the dashboard still shows the stations heard from in the log.
        if let shared = sharedHubStore.withLock({ $0 }) { return (try? await shared.syncPeers()) ?? [] }
        let (last, sequences) = try await store { (try $0.lastLogPosition(), try $0.sequenceFigures()) }
        return peers.withLock { $0 }.map { name, peer in
            let (made, held) = sequences[name] ?? (0, 0)
            return SyncPeer(
                station: name, lastContact: peer.lastContact, pulled: peer.pulled, behind: max(0, last - peer.pulled), made: made,
                missing: made - held)
        }.sorted { $0.station < $1.station }
    }
}

extension Station {
    /// This station's station tokens, as hashes, revoked ones marked: made here on a hub, or handed over by the hub
    /// to a joined station.
    public func stationTokens() async throws -> [SharedStationToken] {
        try await store { database in
            try database.stationTokens().map { SharedStationToken(secretHash: $0.secretHash, station: $0.station, revoked: $0.isRevoked) }
        }
    }

    /// Takes the hub's station tokens, so that the stations of the event pushing their entries here directly (doors
    /// of one room on different stations) are known while the hub is away; a token revoked at the hub is refused
    /// here from then on.
    public func adoptStationTokens(_ tokens: [SharedStationToken]) async throws {
        try await store { database in
            try database.adoptTokens(tokens.map { ($0.secretHash, $0.station, .station, $0.revoked) })
        }
    }
}

extension Station {
    /// A sync cursor kept in the store: `pushed` (this station's log) or `pulled` (its hub's).
    public func syncCursor(_ name: String) async throws -> Int64 {
        try await store { try $0.syncCursor(name) }
    }

    /// Moves a sync cursor forward.
    public func advanceSyncCursor(_ name: String, to position: Int64) async throws {
        try await store { try $0.advanceSyncCursor(name, to: position) }
    }
}

extension Station {
    /// Notes that this station just exchanged entries with its hub.
    public func recordHubContact(at now: Date = Date()) {
        hubContact.withLock { $0 = now }
    }

    /// The hub this station joined and when it last heard from it; nil on a station that joined none.
    func hubFigures() async throws -> DashboardView.HubFigures? {
        guard let joined = try await store({ try $0.joinedIdentity() }) else { return nil }
        return DashboardView.HubFigures(url: joined.hub, lastContact: hubContact.withLock { $0 })
    }
}
