import Attendance
import Badges
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
        var answered = 0, duringImport = 0, mostWaiting = 0, heldBack = 0
        while answered < 200 || importer.process.isRunning {
            let direction: Direction = (answered / codes.count) % 2 == 0 ? .in : .out
            let scan = try await door.scan(codes[answered % codes.count], direction: direction)
            #expect(scan.decision.isAdmitted, "\(scan.decision.reason)")
            answered += 1
            if importer.process.isRunning { duringImport += 1 }
            mostWaiting = max(mostWaiting, await door.waitingScans)
            // A scan still not in the store a moment later was held back by the import's lock (on a loaded machine
            // the loop may be too slow to see several scans waiting at once).
            if importer.process.isRunning, heldBack == 0, await door.waitingScans > 0 {
                try await Task.sleep(for: .milliseconds(300))
                if await door.waitingScans > 0 { heldBack += 1 }
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let imported = importer.wait()
        #expect(imported.status == 0, "\(imported.stderr)")

        // Every scan answered is in the log once the lock is free; some were answered while it was held.
        await door.flush()
        #expect(try fixture.database.logEntries(kind: .scan).count == answered)
        #expect(try fixture.database.delegateCount() == 1_200 + 100_000)
        #expect(duringImport > 0)
        #expect(mostWaiting > 1 || heldBack > 0, "the store was never locked while the door scanned")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: fixture.folder.outboxURL.path).allSatisfy { name in
                (try? Data(contentsOf: fixture.folder.outboxURL.appendingPathComponent(name)).isEmpty) ?? true
            })
    }
}

/// Figures and roll-calls read the scans a door answered but could not store yet (another process holds the write
/// lock): someone just admitted is on the evacuation list at once.
@Suite(.serialized) struct HeldScanTests {
    @Test func someoneJustAdmittedAtADoorIsOnTheRollCallAndTheDashboardWhileTheStoreIsLocked() async throws {
        let fixture = try await StationFixture(firstDay: BusyStore.today) {
            $0.doors = [Door(name: "Main entrance", place: .area(name: "Venue", capacity: nil), requiresCheckIn: false)]
        }
        let database = fixture.database
        // Delegates who arrived through the door only: badges issued, no desk check-in.
        let arrived = try database.delegates().filter { $0.status == .confirmed }.prefix(2).map(\.reference)
        var codes: [String] = []
        for reference in arrived {
            let issue = try database.nextBadges(for: [reference])[0]
            codes.append(try fixture.station.desk.sign(issue, at: Date()).text)
            try database.recordBadgeIssues([issue], station: "desk-1")
        }
        let door = try await fixture.station.door(named: "Main entrance")
        _ = try await door.scan(codes[0])
        await door.flush()

        // The sqlite3 shell holds the store's write lock, as an import would.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [fixture.folder.rosterURL.path]
        let input = Pipe()
        shell.standardInput = input
        shell.standardOutput = FileHandle.nullDevice
        try shell.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nUPDATE rosterRevision SET value = value;\n".utf8))
        try await Task.sleep(for: .milliseconds(500))

        let scan = try await door.scan(codes[1])
        #expect(scan.decision.isAdmitted, "\(scan.decision.reason)")
        try await Task.sleep(for: .milliseconds(400))
        #expect(await door.waitingScans == 1, "the store was not locked")
        #expect(Set(try await fixture.station.rollCall().people.map(\.reference)) == Set(arrived))
        #expect(try await fixture.station.dashboard().totals.onSite == 2)

        input.fileHandleForWriting.write(Data("COMMIT;\n.quit\n".utf8))
        shell.waitUntilExit()
        await door.flush()
        #expect(try database.logEntries(kind: .scan).count == 2)
        #expect(Set(try await fixture.station.rollCall().people.map(\.reference)) == Set(arrived))
    }
}
