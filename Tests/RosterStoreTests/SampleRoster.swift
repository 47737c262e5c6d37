import Foundation
import Roster
import RosterImport
import RosterStore
import SampleConference

/// Stores holding the sample conference, for tests: a fresh one per test where a test writes, a shared one where
/// tests only read.
enum SampleRoster {
    /// One in-memory store with the sample conference, shared by read-only tests.
    static let shared: RosterDatabase = try! make()

    /// A new in-memory store with the sample conference.
    static func make() throws -> RosterDatabase {
        let database = try RosterDatabase.inMemory()
        try database.createEvent(Event(
            name: "ESOCC", venue: "Arena", firstDay: "2027-03-09", dayCount: 3, timeZoneIdentifier: "Europe/London"))
        _ = try RosterImporter(database: database).run(.init(
            delegates: SampleConference.delegatesURL, sessions: SampleConference.sessionsURL,
            categories: SampleConference.categoriesURL))
        return database
    }
}
