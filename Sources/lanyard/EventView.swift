import Foundation
import Roster
import RosterImport
import RosterStore

/// The JSON shape of an event.
struct EventView: Encodable {
    let id: String
    let name: String
    let venue: String
    let timeZone: String
    /// Day number → calendar date.
    let days: [DayView]

    struct DayView: Encodable {
        let day: Int
        let date: String
    }

    init(_ event: Event) {
        id = event.id.uuidString
        name = event.name
        venue = event.venue
        timeZone = event.timeZoneIdentifier
        days = (1...event.dayCount).map { DayView(day: $0, date: event.date(ofDay: $0) ?? "") }
    }
}
