import DoorRules
import Foundation
import LanyardTestSupport
import Roster
import RosterStore
import Station
import Testing

/// Hubs on PostgreSQL: two `lanyard serve --hub --store` processes on one real PostgreSQL server of the test's own,
/// stations joined to each that move to the other hub when theirs goes away.
extension SyncCommandTests {
    @Test func stationsOfTwoHubsOnOneDatabaseConvergeWhenAHubDiesMidSyncAndTheDatabaseRestarts() async throws {
        let postgres = try PrivatePostgres()
        let (first, second, desk, door) = (LanyardProcess(), LanyardProcess(), LanyardProcess(), LanyardProcess())
        defer { [first, second, desk, door].forEach { $0.removeData() } }
        try first.run("demo", "--no-serve")
        func token(_ name: String) throws -> String {
            try first.run("staff", "token", name, "--role", "station").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let (deskToken, doorToken) = (try token("desk-2"), try token("door-3"))
        var (firstServer, firstURL) = try await ServeCommandTests.serve(
            first, "--hub", "--store", postgres.url, "--station", "hub-a", "--share-signing-key", "desk-2")
        // Whichever first hub is running when the test ends (it is killed and started again below).
        defer { kill(firstServer.process.processIdentifier, SIGTERM) }
        // The second hub starts on an empty folder: it takes the event from the database.
        let (secondServer, secondURL) = try await ServeCommandTests.serve(
            second, "--hub", "--store", postgres.url, "--station", "hub-b", "--share-signing-key", "desk-2")
        defer { kill(secondServer.process.processIdentifier, SIGTERM) }
        // The door's token was made at the first hub; the second knows it through the database.
        let (deskServer, _) = try await ServeCommandTests.serve(desk, "--join", "\(firstURL),\(secondURL)", "--token", deskToken, "--signs-badges")
        defer { kill(deskServer.process.processIdentifier, SIGTERM) }
        let (doorServer, _) = try await ServeCommandTests.serve(door, "--join", "\(secondURL),\(firstURL)", "--token", doorToken)
        defer { kill(doorServer.process.processIdentifier, SIGTERM) }

        let secondHub = try await Self.open(second, name: "ignored")
        let deskStation = try await Self.open(desk, name: "ignored")
        let doorStation = try await Self.open(door, name: "ignored")
        #expect(secondHub.name == "hub-b" && deskStation.name == "desk-2" && doorStation.name == "door-3")
        let confirmed = try secondHub.database.delegates().filter { $0.status == .confirmed }
        let references =
            confirmed.filter { $0.days.contains(1) && $0.sessions.contains("A1") }.prefix(1).map(\.reference)
            + confirmed.filter { !($0.days.contains(1) && $0.sessions.contains("A1")) }.map(\.reference)
        let ana = try await Self.arrive(references[0], at: deskStation)
        try await Self.waitUntil("the door, joined to the other hub, has the desk's arrival", timeout: .seconds(60)) {
            try doorStation.database.currentBadge(for: references[0]) != nil
        }
        #expect(try await doorStation.door(session: "A1").scan(ana, at: Self.time("13:45", secondHub)).decision.isAdmitted)

        // The desk's hub dies while the desk checks people in; the database restarts once meanwhile.
        let arrivals = Array(references[1...40])
        for (index, reference) in arrivals.enumerated() {
            _ = try await deskStation.checkIn(.init(reference: reference))
            if index == 10 {
                kill(firstServer.process.processIdentifier, SIGKILL)
                _ = firstServer.wait()
            }
            if index == 25 {
                try postgres.stop()
                try await Task.sleep(for: .seconds(1))
                try postgres.start()
            }
        }
        await doorStation.flushDoors()
        try await Self.waitUntil("the desk, its hub gone, reaches the door through the other hub", timeout: .seconds(60)) {
            try Set(doorStation.database.logEntries(kind: .checkIn).compactMap(\.reference)).isSuperset(of: arrivals)
        }

        // The first hub comes back on its folder; every copy converges.
        (firstServer, firstURL) = try await ServeCommandTests.serve(
            first, "--hub", "--store", postgres.url, "--station", "hub-a", "--share-signing-key", "desk-2")
        let firstHub = try await Self.open(first, name: "ignored")
        let stations = [firstHub, secondHub, deskStation, doorStation]
        try await Self.waitUntil("every copy has every entry", timeout: .seconds(90)) {
            let logs = try stations.map { Set(try $0.database.logEntries().map(\.id)) }
            return Set(logs).count == 1
        }
        for table in ["badge", "doorPresence", "delegate"] {
            let rows = try stations.map { try Self.rows(of: table, in: $0) }
            #expect(rows.allSatisfy { $0 == rows[0] }, "\(table) differs between copies")
        }
        for station in stations {
            let ours = Set(arrivals + [references[0]])
            let checkIns = try station.database.logEntries(kind: .checkIn).compactMap(\.reference).filter(ours.contains)
            #expect(checkIns.sorted() == ours.sorted(), "each check-in once at \(station.name), none lost")
        }

        // A hub stops when told to, even with its database gone.
        try postgres.stop()
        kill(secondServer.process.processIdentifier, SIGTERM)
        // Promptly: what is in flight on the database gets a moment, not its whole 10 s timeout.
        let deadline = Date().addingTimeInterval(10)
        while secondServer.process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!secondServer.process.isRunning, "a hub waiting on a database that is gone still stops on SIGTERM")
        if secondServer.process.isRunning { kill(secondServer.process.processIdentifier, SIGKILL) }
    }
}
