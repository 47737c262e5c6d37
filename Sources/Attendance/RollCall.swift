public import Foundation
public import Roster

/// Everyone on site now with the last place they were seen: for an evacuation. Sorted by organisation, then
/// name, so that a head of delegation can account for their own.
public struct RollCall: Codable, Sendable, Equatable {
    public struct Person: Codable, Sendable, Equatable {
        public var reference: String
        public var name: String
        public var organisation: String
        /// Where they were last seen: `desk NAME`, a place (`A4`, `Exhibition hall`), or `left A4` (in the corridor).
        public var lastSeenAt: String
        public var lastSeenTime: Date
    }

    /// The event day the roll-call is for.
    public var day: Int
    public var people: [Person]

    /// - Parameter now: The moment of the roll-call; its event day decides who arrived today.
    public init(event: Event, delegates: [Delegate], log: [LogEntry], now: Date) {
        let byReference = Dictionary(delegates.map { ($0.reference.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        day = event.arrivalDay(at: now)
        people = PresenceReplay(log: log, event: event).onSite(on: day).compactMap { reference, entry in
            guard let delegate = byReference[reference.lowercased()] else { return nil }
            return Person(
                reference: delegate.reference, name: delegate.displayName, organisation: delegate.organisation,
                lastSeenAt: Self.place(of: entry), lastSeenTime: entry.at)
        }.sorted {
            ($0.organisation.lowercased(), $0.name, $0.reference) < ($1.organisation.lowercased(), $1.name, $1.reference)
        }
    }

    /// Where an entry places a delegate: `desk NAME`, a place, or `left PLACE`.
    static func place(of entry: LogEntry) -> String {
        switch entry.details {
        case .scan(let scan): scan.direction == .out ? "left \(scan.door)" : scan.door
        default: "desk \(entry.station)"
        }
    }
}
