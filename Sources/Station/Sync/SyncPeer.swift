public import Foundation

/// A station as its hub sees it: when it last made contact, how far it has pulled the hub's log, how far behind that
/// leaves it, and how many of its own entries the hub holds (by their sequence numbers).
public struct SyncPeer: Codable, Sendable, Equatable {
    public var station: String
    public var lastContact: Date
    /// The hub's log position the station has pulled up to.
    public var pulled: Int64
    /// How many of the hub's entries it has not pulled yet.
    public var behind: Int64
    /// The highest sequence number of the station's own entries the hub holds (0 for none).
    public var made: Int64
    /// How many of the station's entries numbered below ``made`` the hub does not hold: 0 unless a push lost some.
    public var missing: Int64

    public init(station: String, lastContact: Date, pulled: Int64, behind: Int64, made: Int64 = 0, missing: Int64 = 0) {
        self.station = station
        self.lastContact = lastContact
        self.pulled = pulled
        self.behind = behind
        self.made = made
        self.missing = missing
    }
}
