import Foundation
import LanyardTestSupport
import Roster
import RosterStore
import Station
import Testing

/// `lanyard door` in a process of its own while another process writes to the same store: the fault first seen
/// as `store-failure: database is locked`, which ended the door.
@Suite(.serialized) struct DoorUnderLoadTests {
    @Test func theDoorCommandShowsEveryVerdictAndLogsEveryScanWhileAnImportHoldsTheStore() async throws {
        let fixture = try await StationFixture(firstDay: BusyStore.today)
        let codes = try BusyStore.arrivals(200, at: fixture.station)
        let roster = try BusyStore.rosterFile(rows: 100_000, in: fixture.folder.url)
        let data = fixture.folder.url.path
        let lanyard = LanyardProcess(data: fixture.folder.url)
        let door = try lanyard.start(["door", "--area", "Venue", "--json", "--data", data])
        let importer = try lanyard.start(["import", roster.path, "--data", data])
        var scanned = 0
        while scanned < 200 || importer.process.isRunning {
            door.write(codes[scanned % codes.count] + "\r\n")
            scanned += 1
            try await Task.sleep(for: .milliseconds(25))
        }
        #expect(importer.wait().status == 0)
        let result = door.wait()
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let verdicts = lines.filter { $0["decision"] != nil }
        // Scans of one badge within two seconds count once (the scanner's duplicate window): each other one has its verdict.
        #expect(verdicts.count == scanned)
        #expect(!lines.contains { $0["problem"] != nil })
        #expect(try fixture.database.logEntries(kind: .scan).count == scanned)
    }
}
