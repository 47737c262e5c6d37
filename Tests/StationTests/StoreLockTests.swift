import DoorRules
import Foundation
import LanyardTestSupport
import Roster
import RosterStore
import Station
import Testing

/// A station's store is written by other processes too (an import, another desk): a door must keep deciding.
@Suite(.serialized) struct StoreLockTests {
    @Test func aDoorKeepsDecidingWhileAnotherProcessImportsAHundredThousandRowsAndLosesNoScan() async throws {
        let fixture = try await StationFixture(firstDay: BusyStore.today)
        let codes = try BusyStore.arrivals(200, at: fixture.station)
        let roster = try BusyStore.rosterFile(rows: 100_000, in: fixture.folder.url)
        let door = try await fixture.station.door(area: "Venue")

        // Another process imports the roster, holding the store's write lock for seconds, while the door scans.
        let importer = try LanyardProcess(data: fixture.folder.url).start(["import", roster.path, "--data", fixture.folder.url.path])
        var answered = 0, duringImport = 0, mostWaiting = 0
        while answered < 200 || importer.process.isRunning {
            let direction: Direction = (answered / codes.count) % 2 == 0 ? .in : .out
            let scan = try await door.scan(codes[answered % codes.count], direction: direction)
            #expect(scan.decision.isAdmitted, "\(scan.decision.reason)")
            answered += 1
            if importer.process.isRunning { duringImport += 1 }
            mostWaiting = max(mostWaiting, await door.waitingScans)
            try await Task.sleep(for: .milliseconds(20))
        }
        let imported = importer.wait()
        #expect(imported.status == 0, "\(imported.stderr)")

        // Every scan answered is in the log once the lock is free; some were answered while it was held.
        await door.flush()
        #expect(try fixture.database.logEntries(kind: .scan).count == answered)
        #expect(try fixture.database.delegateCount() == 1_200 + 100_000)
        #expect(duringImport > 0)
        #expect(mostWaiting > 1, "the store was never locked while the door scanned")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: fixture.folder.outboxURL.path).allSatisfy { name in
                (try? Data(contentsOf: fixture.folder.outboxURL.appendingPathComponent(name)).isEmpty) ?? true
            })
    }
}
