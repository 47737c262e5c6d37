import DelimitedText
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

    /// One in-memory store with the sample conference without its e-mail addresses, shared by read-only tests.
    static let withoutEmails: RosterDatabase = {
        let table = try! DelimitedTable(contentsOf: SampleConference.delegatesURL)
        let email = table.header.firstIndex(of: "email")!
        var csv = CSVWriter(header: table.header)
        for record in table.records {
            var fields = record.fields
            fields[email] = ""
            csv.append(fields)
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("no-emails-\(UUID().uuidString).csv")
        try! csv.text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try! make(delegates: url)
    }()

    /// A new in-memory store with the sample conference.
    static func make(delegates: URL = SampleConference.delegatesURL) throws -> RosterDatabase {
        let database = try RosterDatabase.inMemory()
        try database.createEvent(
            Event(
                name: "ESOCC", venue: "Arena", firstDay: "2027-03-09", dayCount: 3, timeZoneIdentifier: "Europe/London"))
        _ = try RosterImporter(database: database).run(
            .init(
                delegates: delegates, sessions: SampleConference.sessionsURL,
                categories: SampleConference.categoriesURL))
        return database
    }
}
