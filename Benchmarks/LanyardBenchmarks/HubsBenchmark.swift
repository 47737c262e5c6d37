import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import Roster
import RosterStore
import SampleConference
import Station
import Sync

/// `lanyard-bench hubs`: hubs as real `lanyard serve --hub` processes on loopback, stations simulated as HTTP
/// clients pushing entries as fast as the hubs take them. Entries accepted per second by one hub on its SQLite store,
/// then (given a PostgreSQL database) by one and by two hubs sharing it; the delay from a push at one hub to a
/// station long-polling the other; and a station catching up after many entries.
struct HubsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hubs", abstract: "Entries per second into one hub on SQLite and one and two hubs on PostgreSQL; catch-up after many entries.")

    @Option(help: "The lanyard binary to serve with (build it with -c release).") var lanyard = ".build/release/lanyard"
    @Option(help: "An empty PostgreSQL database for the hubs (Benchmarks/with-private-postgres.sh starts one).") var store: String?
    @Option(help: "Stations simulated, each pushing one entry a request.") var clients = 30
    @Option(help: "Seconds each throughput run lasts.") var duration = 10.0
    @Option(help: "Entries a station catches up on.") var catchUp = 100_000
    @Option(help: "First loopback port.") var port = 18681
    @Option(help: "Scratch folder (emptied).") var scratch = "bench-out/hubs"
    @Flag(help: "Answer in JSON.") var json = false

    struct Throughput: Codable {
        var store: String
        var hubs: Int
        var entriesPerSecond: Double
    }

    struct Report: Codable {
        var clients: Int
        var throughput: [Throughput]
        /// From a push at one hub to a station long-polling the other (hubs on PostgreSQL).
        var acrossHubsP50Milliseconds: Double?
        var acrossHubsP99Milliseconds: Double?
        var catchUpEntries: Int
        var catchUpStore: String
        /// Pulling every page from the hub and merging it into the station's store.
        var catchUpSeconds: Double
    }

    func run() async throws {
        let folder = URL(fileURLWithPath: scratch, isDirectory: true)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let logger = Logger(label: "bench")
        let hubData = DataFolder(path: folder.appendingPathComponent("hub-a").path)
        let hub = try await DemoConference.open(StationConfiguration(data: hubData, name: "hub-a"), logger: logger).0
        var tokens: [String] = []
        for index in 0..<clients {
            try await hub.ensureStaff("station-\(index + 1)", role: .station)
            tokens.append(try await hub.issueToken(for: "station-\(index + 1)"))
        }
        try hub.database.checkpoint()
        // A station's store as it was before the run, for the catch-up.
        let stationData = DataFolder(path: folder.appendingPathComponent("station").path)
        try FileManager.default.createDirectory(at: stationData.url, withIntermediateDirectories: true)
        try hub.database.backup(to: stationData.rosterURL)
        let http = Self.client(connections: clients * 2 + 4)
        defer { _ = http.shutdown() }

        var throughput: [Throughput] = []
        var acrossHubs: Latencies?
        var hubs: [(Process, String)] = []
        defer { hubs.forEach { $0.0.terminate() } }
        if let store {
            hubs.append(try await launch(hubData, port: port, arguments: ["--store", store, "--station", "hub-a"], folder: folder))
            throughput.append(.init(store: "postgresql", hubs: 1, entriesPerSecond: try await push(to: [hubs[0].1], tokens: tokens, http: http)))
            let second = DataFolder(path: folder.appendingPathComponent("hub-b").path)
            hubs.append(try await launch(second, port: port + 1, arguments: ["--store", store, "--station", "hub-b"], folder: folder))
            // The second hub shares the first's station tokens through the database within seconds.
            try await Task.sleep(for: .seconds(5))
            throughput.append(.init(store: "postgresql", hubs: 2, entriesPerSecond: try await push(to: hubs.map(\.1), tokens: tokens, http: http)))
            acrossHubs = try await propagation(from: hubs[0].1, to: hubs[1].1, tokens: tokens, http: http)
        } else {
            hubs.append(try await launch(hubData, port: port, arguments: [], folder: folder))
            throughput.append(.init(store: "sqlite", hubs: 1, entriesPerSecond: try await push(to: [hubs[0].1], tokens: tokens, http: http)))
        }
        let catchUp = try await measureCatchUp(hub: hubs[hubs.count - 1].1, tokens: tokens, station: stationData, http: http)
        let report = Report(
            clients: clients, throughput: throughput, acrossHubsP50Milliseconds: acrossHubs?.percentile(0.5),
            acrossHubsP99Milliseconds: acrossHubs?.percentile(0.99), catchUpEntries: catchUp.entries,
            catchUpStore: store == nil ? "sqlite" : "postgresql", catchUpSeconds: catchUp.seconds)
        try BenchmarkOutput(json: json).report(report) { text(report) }
    }

    private func launch(_ data: DataFolder, port: Int, arguments: [String], folder: URL) async throws -> (Process, String) {
        let log = folder.appendingPathComponent("\(data.url.lastPathComponent).log")
        let process = try ServeProcess.launch(lanyard, data: data, port: port, arguments: ["--hub"] + arguments, log: log)
        try await ServeProcess.wait(for: "is open at", in: log, process: process)
        return (process, "http://127.0.0.1:\(port)")
    }

    private static func client(connections: Int) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Every client pushing one entry a request, spread over `hubs`, for `duration`: entries merged per second.
    private func push(to hubs: [String], tokens: [String], http: HTTPClient) async throws -> Double {
        let start = ContinuousClock.now
        let merged = try await withThrowingTaskGroup(of: Int.self) { group in
            for (index, token) in tokens.enumerated() {
                let client = HubClient(url: URL(string: hubs[index % hubs.count])!, token: token, client: http)
                group.addTask {
                    var merged = 0
                    while ContinuousClock.now - start < .seconds(duration) {
                        let entry = LogEntry(reference: "ESOCC-00012", station: "station-\(index + 1)", details: .checkOut(CheckOutDetails(day: 1)))
                        merged += try await client.push([entry])
                    }
                    return merged
                }
            }
            return try await group.reduce(0, +)
        }
        return Double(merged) / ((ContinuousClock.now - start).milliseconds / 1000)
    }

    /// 200 entries pushed one at a time at `origin`, each timed until a station long-polling `other` has it.
    private func propagation(from origin: String, to other: String, tokens: [String], http: HTTPClient) async throws -> Latencies {
        let pusher = HubClient(url: URL(string: origin)!, token: tokens[0], client: http)
        let puller = HubClient(url: URL(string: other)!, token: tokens[1], client: http)
        var after = try await Self.lastPosition(of: puller)
        var delays: [Duration] = []
        for _ in 0..<200 {
            let entry = LogEntry(reference: "ESOCC-00012", station: "station-1", details: .checkOut(CheckOutDetails(day: 1)))
            let sent = ContinuousClock.now
            _ = try await pusher.push([entry])
            while true {
                let batch = try await puller.pull(after: after, limit: 1_000, wait: 20, roster: nil)
                after = batch.last
                if batch.entries.contains(where: { $0.entry.id == entry.id }) { break }
            }
            delays.append(ContinuousClock.now - sent)
        }
        return Latencies(delays)
    }

    /// The hub's last log position, by pulling to the end.
    private static func lastPosition(of client: HubClient) async throws -> Int64 {
        var after: Int64 = 0
        while true {
            let batch = try await client.pull(after: after, limit: 1_000, wait: 0, roster: nil)
            if batch.entries.isEmpty { return after }
            after = batch.last
        }
    }

    /// `catchUp` entries pushed into the hub in batches while the station is away, then the station pulling every
    /// page and merging it into its store, timed.
    private func measureCatchUp(hub: String, tokens: [String], station: DataFolder, http: HTTPClient) async throws -> (entries: Int, seconds: Double)
    {
        let client = HubClient(url: URL(string: hub)!, token: tokens[0], client: http)
        var pushed = 0
        while pushed < catchUp {
            let batch = (0..<min(1_000, catchUp - pushed)).map { _ in
                LogEntry(reference: "ESOCC-00012", station: "station-1", details: .checkOut(CheckOutDetails(day: 1)))
            }
            pushed += try await client.push(batch)
        }
        let store = try RosterDatabase.open(in: station)
        let start = ContinuousClock.now
        var after: Int64 = 0
        var merged = 0
        while true {
            let batch = try await client.pull(after: after, limit: 1_000, wait: 0, roster: nil)
            if batch.entries.isEmpty { break }
            merged += try store.merge(batch.entries.map(\.entry)).count
            after = batch.last
        }
        return (merged, (ContinuousClock.now - start).milliseconds / 1000)
    }

    private func text(_ report: Report) -> String {
        let rates = report.throughput.map { "\($0.hubs) hub\($0.hubs == 1 ? "" : "s") on \($0.store): \(format($0.entriesPerSecond, 0)) entries/s" }
        var lines = ["\(report.clients) stations pushing one entry a request:"] + rates.map { "  " + $0 }
        if let p50 = report.acrossHubsP50Milliseconds, let p99 = report.acrossHubsP99Milliseconds {
            lines.append("push at one hub to a station polling the other: p50 \(format(p50, 0)) ms, p99 \(format(p99, 0)) ms")
        }
        lines.append(
            "catch-up of a station after \(report.catchUpEntries.formatted()) entries (hub on \(report.catchUpStore)): \(format(report.catchUpSeconds, 1)) s"
        )
        return lines.joined(separator: "\n")
    }
}
