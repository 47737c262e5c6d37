import Foundation
import Roster
import RosterStore
import Testing

@Suite struct OnSiteLogTests {
    @Test func entriesKeepTheirUUIDsAndAppendingOneTwiceAddsItOnce() throws {
        let database = try RosterDatabase.inMemory()
        let entry = LogEntry(kind: .scan, reference: "R-1", station: "door-3A", details: ["verdict": "admit"])
        try database.append([entry])
        try database.append([entry])
        let log = try database.logEntries()
        #expect(log.map(\.id) == [entry.id])
        #expect(log.first?.details == ["verdict": "admit"])
    }

    @Test func theLogRefusesUpdatesAndDeletes() throws {
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let database = try RosterDatabase.open(in: folder)
        try database.append([LogEntry(kind: .scan, reference: "R-1", station: "door")])
        // Through the sqlite3 shell, as any other tool would write to the file.
        for statement in ["UPDATE log SET station = 'x';", "DELETE FROM log;"] {
            let sqlite = Process()
            sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            sqlite.arguments = [folder.rosterURL.path, statement]
            let pipe = Pipe()
            sqlite.standardError = pipe
            try sqlite.run()
            sqlite.waitUntilExit()
            let message = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(message.contains("the on-site log is append-only"), "\(statement) gave \(message)")
        }
        #expect(try database.logEntries().count == 1)
    }
}
