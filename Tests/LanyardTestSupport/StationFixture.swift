import Badges
public import Foundation
import Logging
import Roster
public import RosterStore
import SampleConference
public import Station

/// A station on a data folder of its own holding the sample conference (first day 2027-03-09, Europe/London),
/// removed when the fixture goes.
public final class StationFixture: Sendable {
    public let station: Station

    /// - Parameters:
    ///   - firstDay: The event's first day; the sample conference's times are London's.
    ///   - configure: Changes to the station's configuration (its doors, printers, name).
    public init(firstDay: String = "2027-03-09", configure: @Sendable (inout StationConfiguration) -> Void = { _ in }) async throws {
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-station-\(UUID().uuidString)").path)
        // A copy of a folder set up once per run: dozens of suites each importing the roster at once would starve
        // the two cores the tests share.
        try await FixtureTemplates.shared.copy(firstDay: firstDay, to: folder.url)
        var configuration = StationConfiguration(data: folder, name: "desk-1")
        configure(&configuration)
        station = try await DemoConference.open(configuration, firstDay: firstDay, logger: Logger(label: "test")).0
    }

    deinit { try? FileManager.default.removeItem(at: station.configuration.data.url) }

    public var folder: DataFolder { station.configuration.data }
    public var database: RosterDatabase { station.database }

    /// A time of the event, `YYYY-MM-DDTHH:MM` in London's time (or with an offset).
    public func time(_ text: String) -> Date {
        try! station.event.parseTime(text)
    }

    /// Checks a delegate in at `time` and issues their badge; returns the badge's code.
    @discardableResult
    public func arrive(_ reference: String, at time: String = "2027-03-09T08:30") async throws -> String {
        _ = try await station.checkIn(.init(reference: reference), at: self.time(time))
        return try code(for: reference, at: time)
    }

    /// Issues the delegate's next badge without rendering it; returns its code.
    public func code(for reference: String, at time: String = "2027-03-09T08:30") throws -> String {
        let issue = try database.nextBadges(for: [reference])[0]
        let token = try station.desk.sign(issue, at: self.time(time))
        try database.recordBadgeIssues([issue], station: "desk-1", at: self.time(time))
        return token.text
    }
}

/// The sample conference set up once per first day and per test run, copied for each fixture.
actor FixtureTemplates {
    static let shared = FixtureTemplates()
    private var folders: [String: Task<URL, any Error>] = [:]

    /// Copies the template for `firstDay` (set up on first use) into `destination`.
    func copy(firstDay: String, to destination: URL) async throws {
        let task =
            folders[firstDay]
            ?? Task {
                let url = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-template-\(UUID().uuidString)")
                let configuration = StationConfiguration(data: DataFolder(path: url.path), name: "desk-1")
                let station = try await DemoConference.open(configuration, firstDay: firstDay, logger: Logger(label: "test")).0
                // The database file alone then holds the template, whenever the station closes its write-ahead log.
                try station.database.checkpoint()
                return url
            }
        folders[firstDay] = task
        let template = try await task.value
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        // The database file, checkpointed after set-up (nothing writes the template after that), without its
        // write-ahead log and shared-memory index, which the station may be closing meanwhile.
        let skipped: Set = ["outbox", "server.lock", "roster.sqlite-wal", "roster.sqlite-shm"]
        for name in try FileManager.default.contentsOfDirectory(atPath: template.path) where !skipped.contains(name) {
            try FileManager.default.copyItem(at: template.appendingPathComponent(name), to: destination.appendingPathComponent(name))
        }
    }
}
