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
        // Through SQLite itself, as any other tool would write to the file.
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            for sql in ("UPDATE log SET station = 'x'", "DELETE FROM log"):
                try:
                    db.execute(sql); db.commit(); print("allowed")
                except sqlite3.DatabaseError as e:
                    print("refused:", e)
            """, folder.rosterURL.path]
        let pipe = Pipe()
        sqlite.standardOutput = pipe
        try sqlite.run()
        sqlite.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(output.components(separatedBy: "refused: the on-site log is append-only").count == 3, "\(output)")
        #expect(try database.logEntries().count == 1)
    }
}
