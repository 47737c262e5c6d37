import ArgumentParser
import AsyncHTTPClient
import Badges
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Roster
import RosterImport
import RosterStore
import SampleConference
import Station
import SyntheticRoster

/// `lanyard-bench venue`: a real `lanyard serve` process on a large synthetic roster at the busiest moment of a day:
/// doors scanning badges over HTTP at once (`POST /api/v1/scans`, as the door page and turnstiles do) while desks type
/// and check in, run twice: once with nobody watching the dashboard, once with organisers watching it live. It
/// measures the doors' verdict latency, the time from a check-in to the dashboard showing it, and what the watching
/// costs the server (its CPU time in both runs, read from /proc).
struct VenueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "venue", abstract: "Doors scanning while desks search, with and without organisers watching the dashboard.")

    @Option(help: "The lanyard binary to serve with (build it with -c release).") var lanyard = ".build/release/lanyard"
    @Option(help: "Delegates in the synthetic roster (added to the sample conference's).") var delegates = 100_000
    @Option(help: "Desks typing and checking in.") var desks = 20
    @Option(help: "Doors scanning at once.") var doors = 12
    @Option(help: "Milliseconds between two scans at a door.") var scanInterval = 500
    @Option(help: "Organisers watching the dashboard in the second run.") var organisers = 10
    @Option(help: "Seconds each run lasts.") var duration = 20.0
    @Option(help: "Milliseconds between keystrokes.") var keystroke = 120
    @Option(help: "Loopback port for the server.") var port = 18481
    @Option(help: "Scratch folder (emptied).") var scratch = "bench-out/venue"
    @Flag(help: "Answer in JSON.") var json = false

    struct Report: Codable {
        var delegates: Int
        var desks: Int
        var doors: Int
        var organisers: Int
        var unwatched: Run
        var watched: Run
    }

    struct Run: Codable {
        var scans: DesksCommand.Requests
        var admitted: Int
        var searches: DesksCommand.Requests
        var checkIns: Int
        /// The server's CPU time over the run, as a share of one core.
        var serverCPUPercent: Double
        /// Dashboard documents each organiser received, and their size.
        var dashboardEventsPerOrganiser: Int?
        var dashboardBytes: Int?
        /// From sending a check-in to a dashboard event that counts it.
        var dashboardP50Milliseconds: Double?
        var dashboardP99Milliseconds: Double?
        var dashboardMaxMilliseconds: Double?
    }

    /// The codes each door scans, each run its own, and the delegates each desk checks in.
    struct Plan {
        var tokens: [StaffRole: String]
        var codes: [[[String]]]
        var arrivals: [[[Delegate]]]
    }

    func run() async throws {
        let folder = URL(fileURLWithPath: scratch, isDirectory: true)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let data = DataFolder(path: folder.appendingPathComponent("data").path)
        let plan = try await prepare(data, in: folder)
        let log = folder.appendingPathComponent("serve.log")
        let server = try ServeProcess.launch(lanyard, data: data, port: port, log: log)
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: (desks + doors + organisers) * 4)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let base = "http://127.0.0.1:\(port)/api/v1"
        let desk = DeskClient(client: client, base: base, token: plan.tokens[.desk]!)
        let door = DeskClient(client: client, base: base, token: plan.tokens[.door]!)
        let organiser = DeskClient(client: client, base: base, token: plan.tokens[.organiser]!)
        do {
            try await desk.waitUntilAnswering(process: server)
            try await ServeProcess.wait(for: "Search index ready", in: log, process: server)
            let unwatched = try await load(run: 0, plan: plan, desk: desk, door: door, organiser: nil, server: server)
            let watched = try await load(run: 1, plan: plan, desk: desk, door: door, organiser: organiser, server: server)
            server.terminate()
            server.waitUntilExit()
            try await client.shutdown()
            let report = Report(delegates: delegates, desks: desks, doors: doors, organisers: organisers, unwatched: unwatched, watched: watched)
            try BenchmarkOutput(json: json).report(report) { text(report) }
        } catch {
            if server.isRunning { server.terminate() }
            try? await client.shutdown()
            throw error
        }
    }

    /// The station in `data`: the sample conference with the synthetic roster, a member of staff for each role, the
    /// doors in station.yaml, and for each run the delegates the desks check in and the badges the doors scan (of
    /// delegates already checked in, every badge scanned once).
    private func prepare(_ data: DataFolder, in folder: URL) async throws -> Plan {
        let (station, _) = try await DemoConference.open(StationConfiguration(data: data, name: "bench"), logger: Logger(label: "bench"))
        let csv = folder.appendingPathComponent("synthetic-delegates.csv")
        try SyntheticRoster().csv(count: delegates).write(to: csv, atomically: true, encoding: .utf8)
        _ = try RosterImporter(database: station.database).run(.init(delegates: csv))
        var tokens: [StaffRole: String] = [:]
        for role in [StaffRole.desk, .door, .organiser] {
            _ = try await station.addStaff("bench-\(role.rawValue)", role: role)
            tokens[role] = try await station.issueToken(for: "bench-\(role.rawValue)")
        }
        let yaml = (1...doors).map { "  - name: Gate \($0)\n    area: Venue\n    capacity: 100000\n" }.joined()
        try ("doors:\n" + yaml).write(to: data.url.appendingPathComponent("station.yaml"), atomically: true, encoding: .utf8)

        let scansPerRun = Int(duration * 1000) / scanInterval + 5
        let confirmed = try station.database.delegates().filter {
            $0.reference.hasPrefix(SyntheticRoster.referencePrefix) && $0.status == .confirmed && $0.days.contains(1)
        }
        let perDesk = Int(duration / 2) + 2
        guard confirmed.count >= 2 * (doors * scansPerRun + desks * perDesk) else { throw BenchmarkFailure("The roster is too small for this run.") }
        var generator = SplitMix64(seed: 7)
        var pool = confirmed.shuffled(using: &generator)[...]
        func take(_ count: Int) -> [Delegate] {
            defer { pool = pool.dropFirst(count) }
            return Array(pool.prefix(count))
        }
        var codes: [[[String]]] = []
        var arrivals: [[[Delegate]]] = []
        for _ in 0..<2 {
            codes.append(
                try (0..<doors).map { _ in
                    try take(scansPerRun).map { delegate in
                        _ = try station.database.checkIn(reference: delegate.reference, station: "bench")
                        let issue = try station.database.nextBadges(for: [delegate.reference])[0]
                        let token = try station.desk.sign(issue, at: Date())
                        try station.database.recordBadgeIssues([issue], station: "bench")
                        return token.text
                    }
                })
            arrivals.append((0..<desks).map { _ in take(perDesk) })
        }
        return Plan(tokens: tokens, codes: codes, arrivals: arrivals)
    }

    /// One run: every door scanning, every desk typing and checking in, and (when `organiser` is given) organisers
    /// watching the dashboard, for `duration` seconds.
    private func load(run: Int, plan: Plan, desk: DeskClient, door: DeskClient, organiser: DeskClient?, server: Process) async throws -> Run {
        let clock = ContinuousClock()
        let watchers = organiser.map { organiser in
            (0..<organisers).map { _ in Task { try await organiser.dashboardEvents(for: .seconds(duration + 3)) } }
        }
        if watchers != nil { try await Task.sleep(for: .seconds(1)) }
        let cpuBefore = ProcessFigures.cpuSeconds(of: server.processIdentifier)
        let start = clock.now
        let deadline = start.advanced(by: .seconds(duration))
        async let scanning = withThrowingTaskGroup(of: ([Duration], Int, Int).self) { group in
            for (index, codes) in plan.codes[run].enumerated() {
                group.addTask {
                    var latencies: [Duration] = []
                    var (admitted, failed) = (0, 0)
                    try await Task.sleep(for: .milliseconds(index * scanInterval / doors))
                    for code in codes where clock.now < deadline {
                        let next = clock.now.advanced(by: .milliseconds(scanInterval))
                        if let (latency, isAdmitted) = try await door.scan(code, at: "Gate \(index + 1)") {
                            latencies.append(latency)
                            admitted += isAdmitted ? 1 : 0
                        } else {
                            failed += 1
                        }
                        try await clock.sleep(until: next)
                    }
                    return (latencies, admitted, failed)
                }
            }
            return try await group.reduce(into: ([Duration](), 0, 0)) {
                $0.0 += $1.0
                $0.1 += $1.1
                $0.2 += $1.2
            }
        }
        async let desking = withThrowingTaskGroup(of: ([Duration], Int, [ContinuousClock.Instant]).self) { group in
            for (index, arrivals) in plan.arrivals[run].enumerated() {
                group.addTask {
                    var (searches, failed, sent) = ([Duration](), 0, [ContinuousClock.Instant]())
                    try await Task.sleep(for: .milliseconds(index * 53))
                    for delegate in arrivals where clock.now < deadline {
                        for length in 1...min(6, delegate.familyName.count) {
                            let typedAt = clock.now
                            if let latency = try await desk.search(String(delegate.familyName.prefix(length))) {
                                searches.append(latency)
                            } else {
                                failed += 1
                            }
                            try await clock.sleep(until: typedAt.advanced(by: .milliseconds(keystroke)))
                        }
                        let sentAt = clock.now
                        if try await desk.checkIn(delegate.reference, print: false) != nil { sent.append(sentAt) }
                        try await Task.sleep(for: .seconds(2))
                    }
                    return (searches, failed, sent)
                }
            }
            return try await group.reduce(into: ([Duration](), 0, [ContinuousClock.Instant]())) {
                $0.0 += $1.0
                $0.1 += $1.1
                $0.2 += $1.2
            }
        }
        let (scans, admitted, failedScans) = try await scanning
        let (searches, failedSearches, checkIns) = try await desking
        let elapsed = clock.now - start
        let cpu = ProcessFigures.cpuSeconds(of: server.processIdentifier) - cpuBefore
        var result = Run(
            scans: .init(scans, failed: failedScans, over: elapsed), admitted: admitted,
            searches: .init(searches, failed: failedSearches, over: elapsed),
            checkIns: checkIns.count, serverCPUPercent: 100 * cpu / (elapsed.milliseconds / 1000))
        if let watchers {
            var seen: [[DashboardEvent]] = []
            for watcher in watchers { seen.append(try await watcher.value) }
            result.dashboardEventsPerOrganiser = seen.map(\.count).min()
            result.dashboardBytes = seen.first?.last?.bytes
            let latencies = Self.dashboardLatencies(checkIns: checkIns.sorted(), events: seen.first ?? [])
            result.dashboardP50Milliseconds = latencies.percentile(0.5)
            result.dashboardP99Milliseconds = latencies.percentile(0.99)
            result.dashboardMaxMilliseconds = latencies.max
        }
        return result
    }

    /// For the k-th check-in of the run, the wait until the dashboard first counted k more check-ins than at the start.
    private static func dashboardLatencies(checkIns: [ContinuousClock.Instant], events: [DashboardEvent]) -> Latencies {
        guard let base = events.first(where: { $0.at < (checkIns.first ?? .now) })?.checkedIn ?? events.first?.checkedIn else { return Latencies([]) }
        return Latencies(
            checkIns.enumerated().compactMap { index, sent in
                events.first { $0.checkedIn >= base + index + 1 }.map { max($0.at - sent, .zero) }
            })
    }

    private func text(_ report: Report) -> String {
        func line(_ requests: DesksCommand.Requests) -> String {
            "\(requests.requests) (\(requests.failed) failed), \(format(requests.requestsPerSecond, 0))/s: p50 \(format(requests.p50Milliseconds)) ms, "
                + "p99 \(format(requests.p99Milliseconds)) ms, max \(format(requests.maxMilliseconds)) ms"
        }
        func run(_ run: Run, _ title: String) -> String {
            var text = """
                  \(title):
                    door verdicts over HTTP: \(line(run.scans)); \(run.admitted) admitted
                    desk searches: \(line(run.searches)); \(run.checkIns) check-ins
                    server CPU: \(format(run.serverCPUPercent, 0)) % of a core
                """
            if let events = run.dashboardEventsPerOrganiser, let p50 = run.dashboardP50Milliseconds, let p99 = run.dashboardP99Milliseconds {
                text += """

                        dashboard: \(events) updates to each organiser (\(run.dashboardBytes ?? 0) bytes each); check-in to the dashboard \
                    showing it: p50 \(format(p50, 0)) ms, p99 \(format(p99, 0)) ms, max \(format(run.dashboardMaxMilliseconds ?? 0, 0)) ms
                    """
            }
            return text
        }
        return """
            lanyard serve on \(report.delegates.formatted()) synthetic delegates (plus the sample conference): \(report.doors) doors scanning \
            every \(scanInterval) ms while \(report.desks) desks type, \(format(duration, 0)) s each run:
            \(run(report.unwatched, "nobody watching the dashboard"))
            \(run(report.watched, "\(report.organisers) organisers watching the dashboard"))
            """
    }
}

/// A dashboard document as an organiser received it.
struct DashboardEvent: Sendable {
    let at: ContinuousClock.Instant
    let checkedIn: Int
    let bytes: Int
}

extension DeskClient {
    /// Scans `code` at `door`: the latency and whether it was admitted; nil when the server did not answer 200.
    func scan(_ code: String, at door: String) async throws -> (Duration, Bool)? {
        var request = request("/scans")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        let body = ["door": door, "code": code, "nonce": UUID().uuidString]
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await client.execute(request, timeout: .seconds(30))
        let answer = try await response.body.collect(upTo: 1 << 20)
        let latency = clock.now - start
        guard response.status == .ok else { return nil }
        let json = try JSONSerialization.jsonObject(with: Data(answer.readableBytesView)) as? [String: Any]
        return (latency, (json?["decision"] as? [String: Any])?["verdict"] as? String == "ADMIT")
    }

    /// The dashboard documents the station pushes over `duration`, when each arrived and what it counted.
    func dashboardEvents(for duration: Duration) async throws -> [DashboardEvent] {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: duration)
        var events: [DashboardEvent] = []
        // The station pings every 5 seconds, so the reader wakes to notice the deadline even when nothing changes.
        try await readEvents("/dashboard/stream", timeout: .seconds(Int64(duration.components.seconds) + 5)) { name, data in
            if name == "dashboard", let json = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any],
                let checkedIn = (json["totals"] as? [String: Any])?["checkedIn"] as? Int
            {
                events.append(DashboardEvent(at: clock.now, checkedIn: checkedIn, bytes: data.utf8.count))
            }
            return clock.now < deadline
        }
        return events
    }
}
