import Foundation
public import Logging
public import Roster
public import RosterImport
import RosterStore
public import Station

/// The bundled sample conference as a station: set up through the station's own calls, like any other event.
public enum DemoConference {
    /// The sample conference's event, starting on `firstDay` (`YYYY-MM-DD`), in London's time.
    public static func event(firstDay: String) throws -> Event {
        try Event(
            name: "European Conference on Serious Organised Crime", venue: "Arena and Convention Centre",
            firstDay: firstDay, dayCount: 3, timeZoneIdentifier: "Europe/London")
    }

    /// Opens the station of `configuration`'s data folder, creating the event (starting on `firstDay`, by default
    /// today in London) and importing the sample roster when the folder is new. An existing demo folder is
    /// reused as it is, with whatever happened on site.
    /// - Returns: The station, and the import's summary when this call imported.
    public static func open(
        _ configuration: StationConfiguration, firstDay: String? = nil, logger: Logger,
        progress: @escaping @Sendable (ImportProgress) -> Void = { _ in }
    ) async throws -> (Station, ImportSummary?) {
        let station: Station
        if let existing = try await existingStation(configuration, logger: logger) {
            station = existing
            if try await station.database.perform({ try $0.delegateCount() }) > 0 { return (station, nil) }
        } else {
            station = try await Station.create(
                event(firstDay: firstDay ?? londonDate(of: Date())), configuration: configuration, logger: logger)
        }
        let summary = try await station.importRoster(
            RosterImporter.Files(
                delegates: SampleConference.delegatesURL, sessions: SampleConference.sessionsURL,
                categories: SampleConference.categoriesURL),
            progress: progress)
        return (station, summary)
    }

    /// The station of a folder set up before; nil for a new folder, or one whose event was never created. A
    /// configuration the folder's station refuses (a printer route naming no profile) is an error, not a new event.
    private static func existingStation(_ configuration: StationConfiguration, logger: Logger) async throws -> Station? {
        guard configuration.data.exists else { return nil }
        do {
            return try await Station(configuration, logger: logger)
        } catch let error as LanyardError where error.code == .noEvent {
            return nil
        }
    }

    private static func londonDate(of instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
