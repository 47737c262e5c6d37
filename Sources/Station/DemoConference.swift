public import Foundation
public import Roster
public import RosterImport
public import RosterStore
import SampleConference

/// Sets up (or reuses) a data folder holding the bundled sample conference.
public enum DemoConference {
    /// The sample conference's event, starting on `firstDay` (`YYYY-MM-DD`).
    public static func event(firstDay: String) throws -> Event {
        try Event(
            name: "European Conference on Serious Organised Crime", venue: "Arena and Convention Centre",
            firstDay: firstDay, dayCount: 3, timeZoneIdentifier: "Europe/London")
    }

    /// Opens `folder`, creating the event (starting today in London) and importing the sample roster when the
    /// folder is new. An existing demo folder is reused as it is, with whatever happened on site.
    /// - Returns: The store, and the import's summary when this call imported.
    public static func prepare(
        in folder: DataFolder, today: Date = Date(), progress: (ImportProgress) -> Void = { _ in }
    ) throws -> (RosterDatabase, ImportSummary?) {
        var database = try RosterDatabase.open(in: folder)
        if (try? database.event()) != nil, try database.delegateCount() > 0 { return (database, nil) }
        if (try? database.event()) == nil {
            database = try StationSetup.createEvent(event(firstDay: londonDate(of: today)), in: folder)
        }
        let summary = try RosterImporter(database: database).run(
            RosterImporter.Files(
                delegates: SampleConference.delegatesURL, sessions: SampleConference.sessionsURL,
                categories: SampleConference.categoriesURL),
            progress: progress)
        return (database, summary)
    }

    private static func londonDate(of instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
