public import Foundation
public import Roster

/// Everyone on site now with the last place they were seen: for an evacuation.
public struct RollCall: Codable, Sendable, Equatable {
    public struct Person: Codable, Sendable, Equatable {
        public var reference: String
        public var name: String
        public var organisation: String
        /// A door (session code or area) or a desk.
        public var lastSeenAt: String
        public var lastSeenTime: Date
    }

    public var people: [Person]

    public init(event: Event, delegates: [Delegate], log: [LogEntry], now: Date) {
        let byReference = Dictionary(delegates.map { ($0.reference.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        people = PresenceReplay(log: log).onSite(on: event.dayNumber(at: now), event: event).compactMap { reference, entry in
            guard let delegate = byReference[reference.lowercased()] else { return nil }
            return Person(
                reference: delegate.reference, name: delegate.displayName, organisation: delegate.organisation,
                lastSeenAt: entry.kind == .checkIn ? "desk \(entry.station)" : (entry.details["door"] ?? entry.station),
                lastSeenTime: entry.at)
        }.sorted { ($0.lastSeenAt, $0.name) < ($1.lastSeenAt, $1.name) }
    }
}
