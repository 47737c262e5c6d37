public import DoorRules
import Foundation
public import Roster

/// Everything a station needs to join an event, as its hub hands it over: the event (its id, which badges carry),
/// the categories, the programme, the roster, the hub's doors, and the key that checks badges. The key that signs them comes only to a
/// desk that prints badges, and only when the hub's organiser allows it.
public struct EventPackage: Codable, Sendable {
    /// The name the hub knows the joining station by (its token's): the name its entries carry.
    public var station: String
    public var event: Event
    public var categories: [Category]
    public var sessions: [Session]
    public var delegates: [Delegate]
    /// The doors configured on the hub, with their rules: a joined station that configures none of its own uses these.
    public var doors: [Door]
    /// The event's public key, base64.
    public var publicKey: String
    /// The event's private signing key, base64, when the hub shares it with this station.
    public var signingKey: String?
    /// The hub's roster revision this roster is.
    public var rosterRevision: Int64
    /// The highest sequence number of the joining station's own entries the hub holds: a station joining again with
    /// an empty folder numbers its entries after it.
    public var lastSequence: Int64?

    public init(
        station: String, event: Event, categories: [Category], sessions: [Session], delegates: [Delegate], doors: [Door], publicKey: String,
        signingKey: String?, rosterRevision: Int64, lastSequence: Int64? = nil
    ) {
        self.station = station
        self.event = event
        self.categories = categories
        self.sessions = sessions
        self.delegates = delegates
        self.doors = doors
        self.publicKey = publicKey
        self.signingKey = signingKey
        self.rosterRevision = rosterRevision
        self.lastSequence = lastSequence
    }
}
