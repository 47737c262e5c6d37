import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import Roster
import RosterImport
import RosterStore
import SampleConference
import Station
import SyntheticRoster

/// `lanyard-bench desks`: a real `lanyard serve` process on a large synthetic roster, and desks using it the way
/// the desk page does over loopback: a search request per keystroke while a name is typed, then check-in & print of
/// the delegate found; then the desks searching flat out, to find the server's ceiling. With `--printers` (see
/// `Benchmarks/with-private-cups.sh`) each check-in prints, and the time to the job accepted by cupsd is read from
/// the station's event stream as the desk page reads it.
struct DesksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "desks", abstract: "Desks typing and checking in against a lanyard serve process on a large roster.")

    @Option(help: "The lanyard binary to serve with (build it with -c release).") var lanyard = ".build/release/lanyard"
    @Option(help: "Delegates in the synthetic roster (added to the sample conference's).") var delegates = 100_000
    @Option(help: "Desks working at once.") var desks = 20
    @Option(help: "Arrivals each desk finds by typing and checks in.") var arrivals = 10
    @Option(help: "Milliseconds between keystrokes.") var keystroke = 120
    @Option(help: "Seconds a desk spends with an arrival after checking them in.") var pause = 2.0
    @Option(help: "Seconds of every desk searching flat out, without typing pauses.") var saturation = 10.0
    @Option(help: "Queues the station prints on, comma-separated; without them, check-ins do not print.") var printers: String?
    @Option(help: "Loopback port for the server.") var port = 18480
    @Option(help: "Scratch folder (emptied).") var scratch = "bench-out/desks"
    @Flag(help: "Answer in JSON.") var json = false

    struct Report: Codable {
        var delegates: Int
        var desks: Int
        /// From launching `lanyard serve` to its first answer.
        var serverAnsweringMilliseconds: Double
        /// From launching `lanyard serve` to its search index built (it builds it as it starts; desks typing
        /// before then wait for it).
        var searchReadyMilliseconds: Double
        var typing: Requests
        var checkIns: CheckIns
        var saturation: Requests
        /// The server process's peak and final resident memory (`VmHWM`, `VmRSS`).
        var serverPeakMemoryMiB: Double
        var serverMemoryMiB: Double
        var serverExitStatus: Int32
    }

    struct Requests: Codable {
        var requests: Int
        var failed: Int
        var requestsPerSecond: Double
        var p50Milliseconds: Double
        var p99Milliseconds: Double
        var maxMilliseconds: Double
    }

    struct CheckIns: Codable {
        var count: Int
        var failed: Int
        /// The check-in request's answer (with its print job queued when printing).
        var answerP50Milliseconds: Double
        var answerP99Milliseconds: Double
        /// From sending the check-in to the job accepted by cupsd; nil without printers.
        var acceptedP50Milliseconds: Double?
        var acceptedP99Milliseconds: Double?
        var jobsNotAccepted: Int
    }

    func run() async throws {
        let folder = URL(fileURLWithPath: scratch, isDirectory: true)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let data = DataFolder(path: folder.appendingPathComponent("data").path)
        let (token, arrivalsByDesk) = try await prepare(data, in: folder)

        let clock = ContinuousClock()
        let launched = clock.now
        let log = folder.appendingPathComponent("serve.log")
        let server = try ServeProcess.launch(lanyard, data: data, port: port, arguments: printers.map { ["--printers", $0] } ?? [], log: log)
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: desks * 4)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let api = DeskClient(client: client, base: "http://127.0.0.1:\(port)/api/v1", token: token)
        do {
            try await api.waitUntilAnswering(process: server)
            let answering = clock.now - launched
            try await ServeProcess.wait(for: "Search index ready", in: log, process: server)
            let searchReady = clock.now - launched
            let accepted = AcceptedJobs()
            let stream = Task { try await api.follow(into: accepted) }
            let typingStart = clock.now
            let results = try await withThrowingTaskGroup(of: DeskResult.self) { group in
                for (index, arrivals) in arrivalsByDesk.enumerated() {
                    group.addTask { try await desk(index, arrivals: arrivals, api: api) }
                }
                return try await group.reduce(into: [DeskResult]()) { $0.append($1) }
            }
            let typingTime = clock.now - typingStart
            let sent = results.flatMap(\.printJobs)
            if printers != nil { await accepted.wait(for: sent.map(\.key), timeout: .seconds(60)) }
            stream.cancel()
            let saturated = try await saturate(api: api)
            let memory = ProcessFigures.memory(of: server.processIdentifier)
            server.terminate()
            server.waitUntilExit()
            try await client.shutdown()
            let report = Report(
                delegates: delegates, desks: desks, serverAnsweringMilliseconds: answering.milliseconds,
                searchReadyMilliseconds: searchReady.milliseconds,
                typing: Requests(results.flatMap(\.searches), failed: results.map(\.failedSearches).reduce(0, +), over: typingTime),
                checkIns: try await checkIns(results, sent: sent, accepted: accepted), saturation: saturated,
                serverPeakMemoryMiB: memory.peak, serverMemoryMiB: memory.current, serverExitStatus: server.terminationStatus)
            try BenchmarkOutput(json: json).report(report) { text(report) }
        } catch {
            if server.isRunning { server.terminate() }
            try? await client.shutdown()
            throw error
        }
    }

    /// Creates the station in `data`: the sample conference, the synthetic roster on top, a desk's token; and the
    /// delegates each desk will find (confirmed synthetic ones, every desk its own).
    private func prepare(_ data: DataFolder, in folder: URL) async throws -> (token: String, arrivals: [[Delegate]]) {
        let (station, _) = try await DemoConference.open(StationConfiguration(data: data, name: "bench"), logger: Logger(label: "bench"))
        let csv = folder.appendingPathComponent("synthetic-delegates.csv")
        try SyntheticRoster().csv(count: delegates).write(to: csv, atomically: true, encoding: .utf8)
        _ = try RosterImporter(database: station.database).run(.init(delegates: csv))
        _ = try await station.addStaff("bench-desk", role: .desk)
        let token = try await station.issueToken(for: "bench-desk")
        let candidates = try station.database.delegates().filter {
            $0.reference.hasPrefix(SyntheticRoster.referencePrefix) && $0.status == .confirmed
        }
        let stride = max(1, candidates.count / max(1, desks * arrivals))
        let chosen = Swift.stride(from: 0, to: candidates.count, by: stride).prefix(desks * arrivals).map { candidates[$0] }
        return (token, (0..<desks).map { desk in Swift.stride(from: desk, to: chosen.count, by: desks).map { chosen[$0] } })
    }

    /// One desk: for each arrival, types the first letters of their family name (a search per keystroke, sent as
    /// the key is pressed, not when the previous answer came), checks them in, and spends `pause` with them.
    private func desk(_ index: Int, arrivals: [Delegate], api: DeskClient) async throws -> DeskResult {
        var result = DeskResult()
        let clock = ContinuousClock()
        try await Task.sleep(for: .milliseconds(index * 53))
        for delegate in arrivals {
            let typed = Array(delegate.familyName.prefix(6))
            let start = clock.now
            let answers = try await withThrowingTaskGroup(of: Duration?.self) { group in
                for length in 1...typed.count {
                    try await clock.sleep(until: start.advanced(by: .milliseconds(keystroke * (length - 1))))
                    let query = String(typed.prefix(length))
                    group.addTask { try await api.search(query) }
                }
                return try await group.reduce(into: [Duration?]()) { $0.append($1) }
            }
            result.searches += answers.compactMap { $0 }
            result.failedSearches += answers.filter { $0 == nil }.count
            let sent = clock.now
            if let answer = try await api.checkIn(delegate.reference, print: printers != nil) {
                result.checkIns.append(clock.now - sent)
                if let key = answer.printKey { result.printJobs.append(SentJob(key: key, sent: sent)) }
            } else {
                result.failedCheckIns += 1
            }
            try await Task.sleep(for: .seconds(pause))
        }
        return result
    }

    /// Every desk searching with no pause between requests, for `saturation` seconds.
    private func saturate(api: DeskClient) async throws -> Requests {
        // Each desk's queries first, outside the timed window.
        let people = try SyntheticRoster().delegates(count: delegates)
        let mixes = (0..<desks).map { DeskQuery.mix(count: 2_000, over: people, seed: UInt64(100 + $0)).map(\.text) }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(saturation))
        let start = clock.now
        let results = try await withThrowingTaskGroup(of: DeskResult.self) { group in
            for queries in mixes {
                group.addTask {
                    var result = DeskResult()
                    for query in queries where clock.now < deadline {
                        if let duration = try await api.search(query) { result.searches.append(duration) } else { result.failedSearches += 1 }
                    }
                    return result
                }
            }
            return try await group.reduce(into: [DeskResult]()) { $0.append($1) }
        }
        return Requests(results.flatMap(\.searches), failed: results.map(\.failedSearches).reduce(0, +), over: clock.now - start)
    }

    private func checkIns(_ results: [DeskResult], sent: [SentJob], accepted: AcceptedJobs) async throws -> CheckIns {
        let answers = Latencies(results.flatMap(\.checkIns))
        let times = await accepted.times
        let toAccepted = sent.compactMap { job in times[job.key].map { $0 - job.sent } }
        let latencies = Latencies(toAccepted)
        return CheckIns(
            count: results.map(\.checkIns.count).reduce(0, +), failed: results.map(\.failedCheckIns).reduce(0, +),
            answerP50Milliseconds: answers.percentile(0.5), answerP99Milliseconds: answers.percentile(0.99),
            acceptedP50Milliseconds: printers == nil ? nil : latencies.percentile(0.5),
            acceptedP99Milliseconds: printers == nil ? nil : latencies.percentile(0.99), jobsNotAccepted: sent.count - toAccepted.count)
    }

    private func text(_ report: Report) -> String {
        func line(_ requests: Requests) -> String {
            "\(requests.requests) requests (\(requests.failed) failed), \(format(requests.requestsPerSecond, 0)) requests/s: "
                + "p50 \(format(requests.p50Milliseconds)) ms, p99 \(format(requests.p99Milliseconds)) ms, max \(format(requests.maxMilliseconds)) ms"
        }
        let checkIns = report.checkIns
        var printing = ""
        if let p50 = checkIns.acceptedP50Milliseconds, let p99 = checkIns.acceptedP99Milliseconds {
            printing =
                "\n  check-in to job accepted by cupsd: p50 \(format(p50)) ms, p99 \(format(p99)) ms (\(checkIns.jobsNotAccepted) not accepted)"
        }
        return """
            lanyard serve on \(report.delegates.formatted()) synthetic delegates (plus the sample conference), \(report.desks) desks on loopback:
              server answering \(format(report.serverAnsweringMilliseconds, 0)) ms after launch, its search index built after \
            \(format(report.searchReadyMilliseconds, 0)) ms
              typing (a search per keystroke every \(keystroke) ms): \(line(report.typing))
              check-ins: \(checkIns.count) (\(checkIns.failed) failed), answered p50 \(format(checkIns.answerP50Milliseconds)) ms, \
            p99 \(format(checkIns.answerP99Milliseconds)) ms\(printing)
              searching flat out for \(format(saturation, 0)) s: \(line(report.saturation))
              server memory: peak \(format(report.serverPeakMemoryMiB, 0)) MiB, at the end \(format(report.serverMemoryMiB, 0)) MiB; \
            exit status after SIGTERM \(report.serverExitStatus)
            """
    }
}

extension DesksCommand.Requests {
    init(_ durations: [Duration], failed: Int, over elapsed: Duration) {
        let latencies = Latencies(durations)
        self.init(
            requests: durations.count, failed: failed, requestsPerSecond: Double(durations.count) / max(elapsed.milliseconds / 1000, 0.001),
            p50Milliseconds: latencies.percentile(0.5), p99Milliseconds: latencies.percentile(0.99), maxMilliseconds: latencies.max)
    }
}

/// What one desk measured.
struct DeskResult: Sendable {
    var searches: [Duration] = []
    var failedSearches = 0
    var checkIns: [Duration] = []
    var failedCheckIns = 0
    var printJobs: [SentJob] = []
}

/// A print job a check-in asked for, and when the check-in was sent.
struct SentJob: Sendable {
    let key: String
    let sent: ContinuousClock.Instant
}
