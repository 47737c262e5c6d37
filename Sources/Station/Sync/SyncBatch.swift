public import RosterStore

/// A page of a hub's log, as a station pulls it: the entries after the station's cursor, in the hub's order, and
/// the cursor to ask from next.
public struct SyncBatch: Codable, Sendable, Equatable {
    public var entries: [PositionedEntry]
    /// The position of the last entry given, or the cursor asked from when there was none.
    public var last: Int64
    /// The hub's roster revision: a station holding an older one takes the roster again (new registrations,
    /// changes, cancellations pulled from the registration system).
    public var rosterRevision: Int64

    public init(entries: [PositionedEntry], last: Int64, rosterRevision: Int64) {
        self.entries = entries
        self.last = last
        self.rosterRevision = rosterRevision
    }
}
