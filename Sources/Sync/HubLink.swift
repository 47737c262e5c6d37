public import Roster
public import Station

/// What a station keeps in step with: its hub over HTTP (``HubClient``), or, for a hub whose event lives in a
/// PostgreSQL database shared with other hubs, that database.
public protocol HubLink: Sendable {
    /// Checks that the other side answers, before a long call.
    func probe() async throws
    /// The event to join; with `signing`, the signing key too when it is given.
    func event(signing: Bool) async throws -> EventPackage
    /// Pushes entries made here.
    /// - Returns: How many the other side did not have.
    func push(_ entries: [LogEntry]) async throws -> Int
    /// The log after `position`, waiting up to `wait` seconds for something new; with `roster`, the roster revision
    /// held here, answered at once when it differs.
    func pull(after position: Int64, limit: Int, wait: Int, roster: Int64?) async throws -> SyncBatch
    /// The event's station tokens, as hashes, revoked ones marked.
    func stationTokens() async throws -> [SharedStationToken]
}

extension HubClient: HubLink {}
