import Foundation
import GRDB
import Roster

/// The `event` table's single row.
struct EventRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "event"

    var id: String
    var name: String
    var venue: String
    var firstDay: String
    var dayCount: Int
    var timeZone: String
    var createdAt: Date

    init(_ event: Event, createdAt: Date) {
        id = event.id.uuidString
        name = event.name
        venue = event.venue
        firstDay = event.firstDay
        dayCount = event.dayCount
        timeZone = event.timeZoneIdentifier
        self.createdAt = createdAt
    }

    func event() throws -> Event {
        try Event(
            id: UUID(uuidString: id) ?? UUID(), name: name, venue: venue, firstDay: firstDay, dayCount: dayCount,
            timeZoneIdentifier: timeZone)
    }
}
