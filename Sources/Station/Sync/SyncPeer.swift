public import Foundation

/// A station as its hub sees it: when it last made contact, how far it has pulled the hub's log, and how far
/// behind that leaves it.
public struct SyncPeer: Codable, Sendable, Equatable {
    public var station: String
    public var lastContact: Date
    /// The hub's log position the station has pulled up to.
    public var pulled: Int64
    /// How many of the hub's entries it has not pulled yet.
    public var behind: Int64

    public init(station: String, lastContact: Date, pulled: Int64, behind: Int64) {
        self.station = station
        self.lastContact = lastContact
        self.pulled = pulled
        self.behind = behind
    }
}
