import BadgeRendering
import Badges
import Foundation
import Roster
import RosterStore
import Station

/// A data folder with the sample conference (first day 2027-03-09, Europe/London) and its keys.
final class StationFixture: Sendable {
    let folder: DataFolder
    let desk: BadgeDesk

    init() throws {
        folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-station-\(UUID().uuidString)").path)
        let (database, _) = try DemoConference.prepare(in: folder, today: Self.time("2027-03-09T08:00"))
        desk = try BadgeDesk(database: database, keys: EventKeys(folder: folder))
    }

    deinit { try? FileManager.default.removeItem(at: folder.url) }

    /// A London local time on the event's days, `YYYY-MM-DDTHH:MM`.
    static func time(_ text: String) -> Date {
        try! Date(text + ":00+00:00", strategy: .iso8601)
    }

    /// Checks a delegate in and issues their badge; returns the badge's code.
    func arrive(_ reference: String, at time: String = "2027-03-09T08:30") throws -> String {
        _ = try desk.database.checkIn(reference: reference, station: "desk-1", at: Self.time(time))
        return try desk.issueBadge(reference: reference, station: "desk-1", at: Self.time(time)).1.text
    }
}
