import Foundation
public import Roster

/// The JSON shape of an event: `{id, name, venue, timeZone, days: [{day, date}]}`.
public struct EventView: Encodable, Sendable {
    public let id: String
    public let name: String
    public let venue: String
    public let timeZone: String
    /// Day number → calendar date.
    public let days: [DayView]

    public struct DayView: Encodable, Sendable {
        public let day: Int
        public let date: String
    }

    public init(_ event: Event) {
        id = event.id.uuidString
        name = event.name
        venue = event.venue
        timeZone = event.timeZoneIdentifier
        days = (1...event.dayCount).map { DayView(day: $0, date: event.date(ofDay: $0) ?? "") }
    }
}
