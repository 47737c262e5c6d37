import Attendance
import Badges
import DoorRules
import Foundation
import LanyardTestSupport
import Logging
import Roster
import RosterStore
import Station
import Testing

/// Many stations, one event: a hub and stations joined to it, each `lanyard serve` a process of its own on loopback,
/// syncing over HTTP. The test acts at each station through its data folder (as a second front end on the same
/// store would); only the server processes carry entries between stations.
@Suite(.serialized) struct SyncCommandTests {
    /// One hub, two desks, three doors: desk-2 and door-3 are cut off from each other and act on both sides.
    @Test func stationsCutOffFromEachOtherKeepWorkingAndConvergeWithNothingLostOrDoubledTheDoubleAdmissionListedAndNewRegistrationsReachingAll()
        async throws
    {
        let hub = LanyardProcess()
        let desk = LanyardProcess()
        let door = LanyardProcess()
        // The other desk and doors stay connected throughout: they must end with the same state as the rest.
        let others = (0..<3).map { _ in LanyardProcess() }
        defer { ([hub, desk, door] + others).forEach { $0.removeData() } }
        try hub.run("demo", "--no-serve")
        func token(_ name: String) throws -> String {
            try hub.run("staff", "token", name, "--role", "station").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let (deskToken, doorToken) = (try token("desk-2"), try token("door-3"))
        let (hubServer, hubURL) = try await ServeCommandTests.serve(hub, "--hub", "--share-signing-key", "desk-2")
        defer { kill(hubServer.process.processIdentifier, SIGTERM) }
        let (deskServer, _) = try await ServeCommandTests.serve(desk, "--join", hubURL, "--token", deskToken, "--signs-badges")
        defer { kill(deskServer.process.processIdentifier, SIGTERM) }
        var (doorServer, _) = try await ServeCommandTests.serve(door, "--join", hubURL, "--token", doorToken)
        var otherServers: [LanyardProcess.Running] = []
        defer { otherServers.forEach { kill($0.process.processIdentifier, SIGTERM) } }
        for (process, name) in zip(others, ["desk-1", "door-1", "door-2"]) {
            otherServers.append(try await ServeCommandTests.serve(process, "--join", hubURL, "--token", try token(name)).0)
        }

        let hubStation = try await Self.open(hub, name: "hub")
        let deskStation = try await Self.open(desk, name: "ignored: the hub names it")
        let doorStation = try await Self.open(door, name: "ignored")
        var otherStations: [Station] = []
        for process in others { otherStations.append(try await Self.open(process, name: "ignored")) }
        #expect(deskStation.name == "desk-2" && doorStation.name == "door-3")
        #expect(deskStation.event.id == hubStation.event.id, "a joined station keeps the event's id, which its badges carry")
        #expect(
            !FileManager.default.fileExists(atPath: door.data.appendingPathComponent("event-signing.key").path), "a door never gets the signing key")

        // Together: an arrival at the desk reaches the door and the hub.
        let references = try hubStation.database.delegates().filter { $0.status == .confirmed && $0.days.contains(1) && $0.sessions.contains("A1") }
            .map(\.reference)
        let ana = try await Self.arrive(references[0], at: deskStation)
        try await Self.waitUntil("the door has the desk's arrival", timeout: .seconds(60)) {
            try doorStation.database.currentBadge(for: references[0]) != nil
        }
        let together = try await doorStation.door(session: "A1").scan(ana, at: Self.time("13:45", hubStation))
        #expect(together.decision.isAdmitted)
        #expect(try await doorStation.door(session: "A1").scan(ana, direction: .out, at: Self.time("13:50", hubStation)).decision.isAdmitted)
        await doorStation.flushDoors()
        try await Self.waitUntil("the desk has the door's scans", timeout: .seconds(60)) {
            try deskStation.database.logEntries(kind: .scan).count == 2
        }

        // Cut off: the door's server is killed mid-sync, and restarted where it cannot reach the hub (it starts anyway,
        // working alone). Both sides keep working.
        kill(doorServer.process.processIdentifier, SIGKILL)
        _ = doorServer.wait()
        // Serving at all is the proof: a station that cannot reach its hub and never joined it would stop with an error.
        let (alone, _) = try await ServeCommandTests.serve(door, "--join", "http://127.0.0.1:9", "--token", doorToken)
        let bea = try await Self.arrive(references[1], at: deskStation)
        #expect(try await doorStation.door(session: "A1").scan(ana, at: Self.time("14:00", hubStation)).decision.isAdmitted)
        #expect(try await deskStation.door(session: "A1").scan(ana, at: Self.time("14:01", hubStation)).decision.isAdmitted, "no door can know")
        _ = try await deskStation.correctName(references[2], to: PersonNameFields(givenName: "Desk", familyName: "Edit"))
        try await Task.sleep(for: .milliseconds(20))
        _ = try await doorStation.correctName(references[2], to: PersonNameFields(givenName: "Door", familyName: "Edit"))
        let walkIns = [
            try await deskStation.registerWalkIn(.init(givenName: "Walk", familyName: "In", category: "DEL")).delegate.delegate.reference,
            try await doorStation.registerWalkIn(.init(givenName: "Walk", familyName: "In", category: "DEL")).delegate.delegate.reference,
        ]
        #expect(walkIns[0] != walkIns[1], "stations cut off from each other never hand out the same reference")
        let flag = try await deskStation.flag(references[3], note: "Collect the speaker's gift at the desk")
        // One delegate checked in on both sides of the cut: two entries, one arrival.
        _ = try await deskStation.checkIn(.init(reference: references[4]))
        _ = try await doorStation.checkIn(.init(reference: references[4]))
        await doorStation.flushDoors()
        await deskStation.flushDoors()
        kill(alone.process.processIdentifier, SIGTERM)
        _ = alone.wait()

        // Reconnected: every store converges to the same state.
        (doorServer, _) = try await ServeCommandTests.serve(door, "--join", hubURL, "--token", doorToken)
        defer { kill(doorServer.process.processIdentifier, SIGTERM) }
        let stations = [hubStation, deskStation, doorStation] + otherStations
        try await Self.waitUntil("every store has every entry", timeout: .seconds(60)) {
            let counts = try stations.map { try $0.database.logEntries().count }
            return Set(counts).count == 1
        }
        let logs = try stations.map { Set(try $0.database.logEntries().map(\.id)) }
        #expect(Set(logs).count == 1, "every station holds the same entries")
        for table in ["badge", "doorPresence", "delegateFlag", "delegate"] {
            let rows = try stations.map { try Self.rows(of: table, in: $0) }
            #expect(rows.allSatisfy { $0 == rows[0] }, "\(table) differs between stations")
        }
        let names = try stations.map { try $0.database.delegate(references[2]).givenName }
        #expect(names == Array(repeating: "Door", count: stations.count), "the later correction wins everywhere")
        #expect(try hubStation.database.logEntries(kind: .nameCorrected, reference: references[2]).count == 2, "the losing edit stays in the history")
        for station in stations {
            let checkIns = try station.database.logEntries(kind: .checkIn).compactMap(\.reference).filter { references[0...1].contains($0) }
            #expect(checkIns == [references[0], references[1]], "each check-in once at \(station.name), none lost")
            #expect(try walkIns.allSatisfy { try station.database.delegate($0).givenName == "Walk" }, "both walk-ins at \(station.name)")
            #expect(try station.database.flags(of: references[3]).map(\.id) == [flag.id])
        }
        #expect(try hubStation.database.logEntries(kind: .checkIn, reference: references[4]).count == 2, "both check-ins kept")
        var arrivals: [[Int]] = []
        for station in stations {
            let totals = try await station.dashboard().totals
            arrivals.append([totals.checkedIn, totals.arrivalsSoFar, totals.onSite])
        }
        #expect(arrivals.allSatisfy { $0 == arrivals[0] }, "every station counts the same arrivals: \(arrivals)")
        let arrived = Set(try hubStation.database.logEntries(kind: .checkIn).compactMap(\.reference))
        #expect(arrivals[0][1] == arrived.count, "each delegate arrives once, the one checked in on both sides included")
        let doubles = try await hubStation.doubleAdmissions()
        #expect(doubles.map(\.reference) == [references[0]])
        #expect(Set(doubles.flatMap { [$0.first.station, $0.second.station] }) == ["door-3", "desk-2"])
        #expect(
            try await doorStation.door(session: "A1").scan(bea, at: Self.time("14:05", hubStation)).decision.isAdmitted,
            "a badge issued at the desk during the cut works at the door once synced")

        // A registration that reaches the hub (from the registration system) reaches every station.
        _ = try hubStation.database.apply(
            delegates: [Delegate(reference: "ESOCC-09999", givenName: "Late", familyName: "Registration", category: "DEL")])
        try await Self.waitUntil("the late registration at every station") {
            stations.allSatisfy { (try? $0.database.delegate("ESOCC-09999")) != nil }
        }
    }

    @Test func aRegistrationAndACancellationPulledFromTheRegistrationSystemAndABadgeReprintedOrRevokedElsewhereReachTheDoor()
        async throws
    {
        let (hub, desk, door) = (LanyardProcess(), LanyardProcess(), LanyardProcess())
        defer { [hub, desk, door].forEach { $0.removeData() } }
        try hub.run("demo", "--no-serve")
        func token(_ name: String, role: String = "station") throws -> String {
            try hub.run("staff", "token", name, "--role", role).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let (deskToken, doorToken, organiser) = (try token("desk-2"), try token("door-3"), try token("org", role: "organiser"))
        let export = StandInExport(body: try StandInExport.sampleConference { _ in }, etag: "\"v1\"")
        try await export.serving { port in
            let (hubServer, hubURL) = try await ServeCommandTests.serve(
                hub, "--hub", "--share-signing-key", "desk-2", "--upstream", "http://127.0.0.1:\(port)/export.csv", "--upstream-every", "3600")
            defer { kill(hubServer.process.processIdentifier, SIGTERM) }
            let (deskServer, _) = try await ServeCommandTests.serve(desk, "--join", hubURL, "--token", deskToken, "--signs-badges")
            defer { kill(deskServer.process.processIdentifier, SIGTERM) }
            let (doorServer, _) = try await ServeCommandTests.serve(door, "--join", hubURL, "--token", doorToken)
            defer { kill(doorServer.process.processIdentifier, SIGTERM) }
            let hubStation = try await Self.open(hub, name: "hub")
            let (deskStation, doorStation) = (try await Self.open(desk, name: "ignored"), try await Self.open(door, name: "ignored"))
            let confirmed = try hubStation.database.delegates().filter {
                $0.status == .confirmed && $0.days.contains(1) && $0.sessions.contains("A1")
            }
            let (reprinted, revoked) = (confirmed[0].reference, confirmed[1].reference)

            // A badge reprinted at the desk, and one revoked at the hub: the door refuses the old codes once synced.
            let first = try await Self.arrive(reprinted, at: deskStation)
            let second = try await Self.arrive(reprinted, at: deskStation)
            let lost = try await Self.arrive(revoked, at: deskStation)
            try await Self.waitUntil("the hub has the desk's badges", timeout: .seconds(60)) {
                try hubStation.database.currentBadge(for: revoked) != nil
            }
            _ = try await hubStation.revokeBadge(revoked, reason: "reported stolen")
            try await Self.waitUntil("the door has the reprint and the revocation", timeout: .seconds(60)) {
                try doorStation.database.currentBadge(for: reprinted)?.serial == 2
                    && doorStation.database.currentBadge(for: revoked)?.revocationReason != nil
            }
            let at = try Self.time("13:45", hubStation)
            let old = try await doorStation.door(session: "A1").scan(first, at: at).decision
            #expect(!old.isAdmitted, "the badge the reprint replaced: \(old.reason)")
            let stolen = try await doorStation.door(session: "A1").scan(lost, at: at).decision
            #expect(!stolen.isAdmitted, "the revoked badge: \(stolen.reason)")
            #expect(try await doorStation.door(session: "A1").scan(second, at: at).decision.isAdmitted, "the reprint works")

            // The registration system adds a delegate and cancels one; an organiser pulls at once.
            let cancelled = confirmed[2].reference
            export.replace(
                body: try StandInExport.sampleConference { lines in
                    lines.append("ESOCC-09001,Ms,Irena,Kovač,,Europol,NL,DEL,irena.kovac@example.eu,A1,1;2,confirmed")
                    if let index = lines.firstIndex(where: { $0.hasPrefix(cancelled + ",") }) {
                        lines[index] = lines[index].replacingOccurrences(of: ",confirmed", with: ",cancelled")
                    }
                }, etag: "\"v2\"")
            let (status, answer) = try await ServeCommandTests.request("\(hubURL)/api/v1/upstream/pull", method: "POST", token: organiser)
            #expect(status == 200, "\(String(decoding: answer, as: UTF8.self))")
            try await Self.waitUntil("the desk and the door have the new registration and the cancellation", timeout: .seconds(60)) {
                try [deskStation, doorStation].allSatisfy { station in
                    let status = try station.database.delegate(cancelled).status
                    return (try? station.database.delegate("ESOCC-09001")) != nil && status == .cancelled
                }
            }
        }
    }

    /// The front and back doors of one room are served by two stations, each given the other as a peer.
    @Test func twoDoorsOfOneRoomOnDifferentStationsCatchABadgePassedBackBetweenThemWhileTheHubIsAway() async throws {
        let (hub, front, back) = (LanyardProcess(), LanyardProcess(), LanyardProcess())
        defer { [hub, front, back].forEach { $0.removeData() } }
        try hub.run("demo", "--no-serve")
        func token(_ name: String) throws -> String {
            try hub.run("staff", "token", name, "--role", "station").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let (frontToken, backToken) = (try token("door-front"), try token("door-back"))
        let (hubServer, hubURL) = try await ServeCommandTests.serve(hub, "--hub")
        defer { kill(hubServer.process.processIdentifier, SIGKILL) }
        let (frontPort, backPort) = (try FakeLabelPrinter.freePort(), try FakeLabelPrinter.freePort())
        let (frontServer, _) = try await ServeCommandTests.serve(
            front, "--listen", "127.0.0.1:\(frontPort)", "--join", hubURL, "--token", frontToken, "--peer", "http://127.0.0.1:\(backPort)")
        defer { kill(frontServer.process.processIdentifier, SIGTERM) }
        let (backServer, _) = try await ServeCommandTests.serve(
            back, "--listen", "127.0.0.1:\(backPort)", "--join", hubURL, "--token", backToken, "--peer", "http://127.0.0.1:\(frontPort)")
        defer { kill(backServer.process.processIdentifier, SIGTERM) }
        let hubStation = try await Self.open(hub, name: "hub")
        let (frontStation, backStation) = (try await Self.open(front, name: "ignored"), try await Self.open(back, name: "ignored"))
        let reference = try hubStation.database.delegates().first { $0.status == .confirmed && $0.days.contains(1) && $0.sessions.contains("A1") }!
            .reference
        let code = try await Self.arrive(reference, at: hubStation)
        try await Self.waitUntil("both doors have the badge and know each other's token", timeout: .seconds(60)) {
            try [frontStation, backStation].allSatisfy { try $0.database.currentBadge(for: reference) != nil }
                && frontStation.database.knowsCredential(backToken) && backStation.database.knowsCredential(frontToken)
        }
        let (forged, _) = try await ServeCommandTests.request(
            "http://127.0.0.1:\(frontPort)/api/v1/sync/entries", method: "POST", token: "not-a-station-of-this-event", json: #"{"entries": []}"#)
        #expect(forged == 401, "a station takes entries only from the stations of its event")

        // The hub goes; the badge goes in at the front door and is handed back out to be shown at the back door.
        kill(hubServer.process.processIdentifier, SIGKILL)
        _ = hubServer.wait()
        #expect(try await frontStation.door(session: "A1").scan(code, at: Self.time("13:45", hubStation)).decision.isAdmitted)
        await frontStation.flushDoors()
        try await Self.waitUntil("the back door hears of the front door's scan without the hub", timeout: .seconds(30)) {
            try backStation.database.logEntries(kind: .scan).count == 1
        }
        let passedBack = try await backStation.door(session: "A1").scan(code, at: Self.time("13:46", hubStation))
        #expect(!passedBack.decision.isAdmitted, "the badge passed back is refused at the other door")
    }

    @Test func aStationJoinsAHubServingHTTPSOnlyWhenItTrustsTheHubsOwnAuthorityAndTakesTheHubsDoors() async throws {
        let hub = LanyardProcess()
        let desk = LanyardProcess()
        defer { [hub, desk].forEach { $0.removeData() } }
        try hub.run("demo", "--no-serve")
        let token = try hub.run("staff", "token", "desk-2", "--role", "station").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let doors = "doors:\n  - name: Main entrance\n    area: Venue\n    capacity: 3000\n    site-exit: true\n    anti-passback: warn\n"
        try doors.write(to: hub.data.appendingPathComponent("station.yaml"), atomically: true, encoding: .utf8)
        let (hubServer, hubURL) = try await ServeCommandTests.serve(hub, "--hub", "--tls", "self-signed")
        defer { kill(hubServer.process.processIdentifier, SIGTERM) }
        #expect(hubURL.hasPrefix("https://"))

        let plain = try desk.run("serve", "--listen", "127.0.0.1:0", "--join", "http://hub.example:8080", "--token", token)
        #expect(plain.status != 0 && plain.stderr.contains("https://"), "a token never crosses the network in clear: \(plain.stderr)")
        let untrusting = try desk.run("serve", "--listen", "127.0.0.1:0", "--join", hubURL, "--token", token)
        #expect(untrusting.status != 0)
        #expect(untrusting.stderr.contains("its certificate is not one this station trusts"), "\(untrusting.stderr)")
        #expect(
            !FileManager.default.fileExists(atPath: desk.data.appendingPathComponent("roster.sqlite").path), "nothing taken from an unchecked hub")

        let authority = hub.data.appendingPathComponent("station-ca.pem").path
        let (deskServer, _) = try await ServeCommandTests.serve(desk, "--join", hubURL, "--token", token, "--hub-ca", authority)
        defer { kill(deskServer.process.processIdentifier, SIGTERM) }
        let hubStation = try await Self.open(hub, name: "hub")
        let deskStation = try await Self.open(desk, name: "ignored")
        #expect(deskStation.name == "desk-2")
        #expect(
            deskStation.configuration.doors
                == [Door(name: "Main entrance", place: .area(name: "Venue", capacity: 3000), antiPassback: .warn, isSiteExit: true)],
            "a station without doors of its own has the hub's, with their rules")
        let reference = try hubStation.database.delegates().first { $0.status == .confirmed }!.reference
        _ = try await hubStation.checkIn(.init(reference: reference))
        try await Self.waitUntil("the hub's check-in reaches the desk over HTTPS") {
            try !deskStation.database.logEntries(kind: .checkIn).isEmpty
        }
    }

    static func open(_ process: LanyardProcess, name: String) async throws -> Station {
        try await Station(StationConfiguration(data: DataFolder(path: process.data.path), name: name), logger: Logger(label: "test"))
    }

    /// Checks `reference` in at `station` and issues their badge there; returns its code.
    static func arrive(_ reference: String, at station: Station) async throws -> String {
        _ = try await station.checkIn(.init(reference: reference))
        let issue = try station.database.nextBadges(for: [reference])[0]
        let token = try station.desk.sign(issue, at: Date())
        try station.database.recordBadgeIssues([issue], station: station.name)
        return token.text
    }

    /// A time on the event's first day.
    static func time(_ clock: String, _ station: Station) throws -> Date {
        try station.event.parseTime("\(station.event.firstDay)T\(clock)")
    }

    /// A table's rows as text, sorted, without the store's own row ids, read by the `sqlite3` shell.
    static func rows(of table: String, in station: Station) throws -> [String] {
        let columns: String =
            switch table {
            case "badge": "reference, serial, revocationReason"
            case "doorPresence": "door, reference, isInside, at"
            case "delegate": "reference, givenName, familyName, status, isWalkIn, isNameCorrected"
            default: "id, reference, note, acknowledgedAt"
            }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [
            "-readonly", station.configuration.data.url.appendingPathComponent("roster.sqlite").path, "SELECT \(columns) FROM \(table)",
        ]
        let output = Pipe()
        shell.standardOutput = output
        try shell.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        return text.split(separator: "\n").map(String.init).sorted()
    }

    static func waitUntil(_ what: String, timeout: Duration = .seconds(30), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestTool.Failure(description: "Timed out waiting until \(what).")
    }
}
