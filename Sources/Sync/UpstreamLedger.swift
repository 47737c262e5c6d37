public import Station

/// Where a hub keeps what it pulled from the registration system, and how its pulls are kept to one at a time: its
/// own store when it is the event's only hub (``SingleHubLedger``), or the PostgreSQL database the event's hubs
/// share, where one hub pulls at a time and the roster it takes becomes the event's.
public protocol UpstreamLedger: Sendable {
    /// Runs `pull` on `station` while no other hub of the event pulls, with `station`'s roster first brought to the
    /// event's, and the roster `pull` leaves then made the event's.
    /// - Returns: What `pull` returned; nil, without running it, when another hub is pulling.
    func exclusively<T: Sendable>(on station: Station, _ pull: @escaping @Sendable () async -> T) async throws -> T?
    /// What is kept of the pulls from `source` (its URL), if it was ever pulled.
    func record(of source: String) async throws -> UpstreamRecord?
    /// Keeps `pull` as the last of its source; `validators`, those of the copy it took, replace the kept ones when
    /// given.
    func keep(_ pull: UpstreamPull, validators: UpstreamRecord.Validators?) async throws
}
