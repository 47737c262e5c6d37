public import Roster

/// Where a hub keeps the event its stations sync through, and answers them from: its own store (one hub,
/// ``Station``), or a PostgreSQL database that several hubs share.
public protocol HubStore: Sendable {
    /// What the station `peer` joining the event gets; the signing key too when `signingKey`.
    func eventPackage(for peer: String, signingKey: Bool) async throws -> EventPackage
    /// Merges entries a station pushed, each once.
    /// - Returns: How many were new.
    func merge(_ entries: [LogEntry]) async throws -> Int
    /// The log after `position`, at most `limit`, waiting up to `wait` while there is nothing new and `roster` (the
    /// roster revision the asking station holds) is the store's.
    func entries(after position: Int64, limit: Int, wait: Duration, roster: Int64?) async throws -> SyncBatch
    /// Notes that `station` made contact, and how far it has pulled.
    func recordContact(of station: String, pulled: Int64?) async
    /// The stations heard from, with their last contact and lag.
    func syncPeers() async throws -> [SyncPeer]
    /// The event's station tokens, as hashes, revoked ones marked.
    func stationTokens() async throws -> [SharedStationToken]
}

extension Station: HubStore {}
