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

/// `lanyard-bench sync`: a hub and stations joined to it, each a real `lanyard serve` process on loopback. It
/// measures how long a check-in made at one station takes to reach every other one (each station's event stream
/// says when it has merged the entry), how long a station that was stopped while 10,000 entries were made takes to
/// catch up once restarted, and what a hub costs with many stations connected (simulated in this process by that
/// many sync clients, each with its own station token, long-polling and pushing).
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Propagation between stations, catch-up after a cut, and a hub with many stations.")

    @Option(help: "The lanyard binary to serve with (build it with -c release).") var lanyard = ".build/release/lanyard"
    @Option(help: "Stations joined to the hub as processes.") var stations = 2
    @Option(help: "Check-ins made at the first station.") var checkIns = 200
    @Option(help: "Milliseconds between two check-ins.") var interval = 50
    @Option(help: "Entries made while a station is stopped.") var catchUp = 10_000
    @Option(help: "Stations simulated against the hub for its cost.") var clients = 30
    @Option(help: "Seconds the simulated stations run.") var duration = 20.0
    @Option(help: "First loopback port.") var port = 18581
    @Option(help: "Scratch folder (emptied).") var scratch = "bench-out/sync"
    @Flag(help: "Answer in JSON.") var json = false

    struct Report: Codable {
        var stations: Int
        var propagation: Propagation
        var catchUp: CatchUp
        var hub: HubLoad
    }

    struct Propagation: Codable {
        var checkIns: Int
        var missing: Int
        /// From the check-in's commit at one station to each other joined station's merge of it (two hops, through
        /// the hub).
        var eachP50Milliseconds: Double
        var eachP99Milliseconds: Double
        /// Until the last station (the hub included) has it.
        var everyP50Milliseconds: Double
        var everyP99Milliseconds: Double
        var everyMaxMilliseconds: Double
    }

    struct CatchUp: Codable {
        var entries: Int
        /// From the first station's first write of them (in batches of 1,000, as a busy station makes them) to the hub
        /// having all of them.
        var hubSeconds: Double
        /// From restarting the stopped station to its log matching the hub's.
        var stationSeconds: Double
    }

    struct HubLoad: Codable {
        var clients: Int
        var pushed: Int
        /// From a push to every other simulated station pulling it.
        var propagationP50Milliseconds: Double
        var propagationP99Milliseconds: Double
        var cpuPercent: Double
        /// The hub's resident memory at the end of the run.
        var memoryMiB: Double
    }

    func run() async throws {
        let folder = URL(fileURLWithPath: scratch, isDirectory: true)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let logger = Logger(label: "bench")
        let hubData = DataFolder(path: folder.appendingPathComponent("hub").path)
        let hub = try await DemoConference.open(StationConfiguration(data: hubData, name: "hub"), logger: logger).0
        var tokens: [String] = []
        for index in 0..<(stations + clients) {
            try await hub.ensureStaff("station-\(index + 1)", role: .station)
            tokens.append(try await hub.issueToken(for: "station-\(index + 1)"))
        }
        _ = try await hub.addStaff("bench-desk", role: .desk)
        let hubToken = try await hub.issueToken(for: "bench-desk")
        let hubURL = "http://127.0.0.1:\(port)"
        let hubProcess = try ServeProcess.launch(
            lanyard, data: hubData, port: port, arguments: ["--hub"], log: folder.appendingPathComponent("hub.log"))
        defer { hubProcess.terminate() }
        try await ServeProcess.wait(for: "is open at", in: folder.appendingPathComponent("hub.log"), process: hubProcess)
        var processes: [Process] = []
        defer { processes.forEach { $0.terminate() } }
        var joined: [Station] = []
        for index in 0..<stations {
            let data = DataFolder(path: folder.appendingPathComponent("station-\(index + 1)").path)
            processes.append(try launchStation(index, data: data, hubURL: hubURL, token: tokens[index], folder: folder))
            try await ServeProcess.wait(for: "is open at", in: folder.appendingPathComponent("station-\(index + 1).log"), process: processes[index])
            joined.append(try await Station(StationConfiguration(data: data, name: "station-\(index + 1)"), logger: logger))
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = client.shutdown() }
        var streams = [DeskClient(client: client, base: hubURL + "/api/v1", token: hubToken)]
        for (index, station) in joined.enumerated().dropFirst() {
            _ = try await station.addStaff("bench-desk", role: .desk)
            streams.append(
                DeskClient(
                    client: client, base: "http://127.0.0.1:\(port + index + 1)/api/v1", token: try await station.issueToken(for: "bench-desk")))
        }
        let propagation = try await measurePropagation(from: joined[0], to: streams)
        let catchUp = try await measureCatchUp(
            from: joined[0], stopped: 1, processes: &processes, hub: hub, hubURL: hubURL, tokens: tokens, folder: folder)
        let load = try await measureHub(hubURL: hubURL, tokens: Array(tokens[stations...]), pid: hubProcess.processIdentifier)
        let report = Report(stations: stations, propagation: propagation, catchUp: catchUp, hub: load)
        try BenchmarkOutput(json: json).report(report) { text(report) }
    }

    private func launchStation(_ index: Int, data: DataFolder, hubURL: String, token: String, folder: URL) throws -> Process {
        try ServeProcess.launch(
            lanyard, data: data, port: port + index + 1, arguments: ["--join", hubURL, "--token", token],
            log: folder.appendingPathComponent("station-\(index + 1).log"))
    }

    /// Check-ins at `origin`, each timed until every other station's event stream has it.
    private func measurePropagation(from origin: Station, to streams: [DeskClient]) async throws -> Propagation {
        let arrivals = ArrivalBook()
        let readers = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, stream) in streams.enumerated() {
                    group.addTask {
                        try await stream.readEvents("/stream", timeout: .hours(1)) { name, data in
                            guard name == "entry", let event = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any],
                                let entry = event["entry"] as? [String: Any], let id = entry["id"] as? String
                            else { return true }
                            await arrivals.note(id, at: index)
                            return true
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        defer { readers.cancel() }
        try await Task.sleep(for: .seconds(1))
        let references = try origin.database.delegates().filter { $0.status == .confirmed && $0.days.contains(1) }.prefix(checkIns).map(\.reference)
        var made: [(String, ContinuousClock.Instant)] = []
        for reference in references {
            let receipt = try origin.database.checkIn(reference: reference, station: origin.name)
            made.append((receipt.entry.id.uuidString, .now))
            try await Task.sleep(for: .milliseconds(interval))
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline, await arrivals.complete(made.map(\.0), stations: streams.count) < made.count {
            try await Task.sleep(for: .milliseconds(100))
        }
        var each: [Duration] = []
        var every: [Duration] = []
        var missing = 0
        for (id, time) in made {
            let times = await arrivals.times(of: id)
            each += times.filter { $0.key != 0 }.values.map { $0 - time }
            if times.count == streams.count, let last = times.values.max() { every.append(last - time) } else { missing += 1 }
        }
        let (eachLatencies, everyLatencies) = (Latencies(each), Latencies(every))
        return Propagation(
            checkIns: made.count, missing: missing, eachP50Milliseconds: eachLatencies.percentile(0.5),
            eachP99Milliseconds: eachLatencies.percentile(0.99), everyP50Milliseconds: everyLatencies.percentile(0.5),
            everyP99Milliseconds: everyLatencies.percentile(0.99), everyMaxMilliseconds: everyLatencies.max)
    }

    /// Stops one station, makes `catchUp` entries at `origin`, restarts it and times it until it has them all.
    private func measureCatchUp(
        from origin: Station, stopped index: Int, processes: inout [Process], hub: Station, hubURL: String, tokens: [String], folder: URL
    ) async throws -> CatchUp {
        processes[index].terminate()
        processes[index].waitUntilExit()
        var entries: [LogEntry] = []
        for number in 0..<catchUp {
            entries.append(
                LogEntry(
                    reference: String(format: "ESOCC-%05d", number % 1_000 + 1), station: origin.name,
                    details: .scan(
                        ScanDetails(door: "Venue", direction: number % 2 == 0 ? .in : .out, verdict: .admit, reason: "admitted", serial: 1))))
        }
        let made = ContinuousClock.now
        for batch in stride(from: 0, to: entries.count, by: 1_000) {
            try origin.database.append(Array(entries[batch..<min(batch + 1_000, entries.count)]))
        }
        let last = entries[entries.count - 1].id
        while try hub.database.logEntry(last) == nil { try await Task.sleep(for: .milliseconds(50)) }
        let hubTime = ContinuousClock.now - made
        let data = DataFolder(path: folder.appendingPathComponent("station-\(index + 1)").path)
        let restarted = ContinuousClock.now
        processes[index] = try launchStation(index, data: data, hubURL: hubURL, token: tokens[index], folder: folder)
        let station = try RosterDatabase.open(in: data)
        while try station.logEntry(last) == nil || station.logEntryCount() < hub.database.logEntryCount() {
            try await Task.sleep(for: .milliseconds(50))
        }
        return CatchUp(
            entries: catchUp, hubSeconds: Double(hubTime.milliseconds) / 1_000, stationSeconds: (ContinuousClock.now - restarted).milliseconds / 1_000
        )
    }

    /// `clients` simulated stations long-polling the hub and each pushing an entry a second for `duration`.
    private func measureHub(hubURL: String, tokens: [String], pid: Int32) async throws -> HubLoad {
        let url = URL(string: hubURL)!
        let arrivals = ArrivalBook()
        let sent = SentBook()
        let cpuBefore = ProcessFigures.cpuSeconds(of: pid)
        let start = ContinuousClock.now
        // The hub's CPU time over exactly `duration` (the last long polls may outlast it, idle).
        let duration = duration
        let cpuAtEnd = Task {
            try await Task.sleep(for: .seconds(duration))
            return ProcessFigures.cpuSeconds(of: pid)
        }
        // One connection each for a long poll and a push, as each station process has.
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: tokens.count * 2 + 4)
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        defer { _ = http.shutdown() }
        let clients = tokens.map { HubClient(url: url, token: $0, client: http) }
        let hubStore = try RosterDatabase.open(in: DataFolder(path: URL(fileURLWithPath: scratch).appendingPathComponent("hub").path))
        let (cursor, roster) = (try hubStore.lastLogPosition(), try hubStore.rosterRevision())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, client) in clients.enumerated() {
                group.addTask {
                    var after = cursor
                    while ContinuousClock.now - start < .seconds(duration) {
                        // Like a station's long poll, ended by an entry or by 20 s.
                        let batch = try await client.pull(after: after, limit: 1_000, wait: 20, roster: roster)
                        for positioned in batch.entries { await arrivals.note(positioned.entry.id.uuidString, at: index) }
                        after = batch.last
                    }
                }
                group.addTask {
                    let name = "station-\(stations + index + 1)"
                    try await Task.sleep(for: .milliseconds(Int.random(in: 0..<1_000)))
                    while ContinuousClock.now - start < .seconds(duration - 3) {
                        let entry = LogEntry(reference: "ESOCC-00012", station: name, details: .checkOut(CheckOutDetails(day: 1)))
                        await sent.note(entry.id.uuidString, from: index)
                        _ = try await client.push([entry])
                        try await Task.sleep(for: .seconds(1))
                    }
                }
            }
            try await group.waitForAll()
        }
        let cpu = try await cpuAtEnd.value - cpuBefore
        var delays: [Duration] = []
        for (id, record) in await sent.all {
            for (index, time) in await arrivals.times(of: id) where index != record.from { delays.append(time - record.at) }
        }
        let latencies = Latencies(delays)
        return HubLoad(
            clients: clients.count, pushed: await sent.all.count, propagationP50Milliseconds: latencies.percentile(0.5),
            propagationP99Milliseconds: latencies.percentile(0.99), cpuPercent: cpu / duration * 100,
            memoryMiB: ProcessFigures.memory(of: pid).current)
    }

    private func text(_ report: Report) -> String {
        let propagation = report.propagation
        return """
            a hub and \(report.stations) stations, each a lanyard serve process on loopback:
              check-in at one station → each other joined station (through the hub): p50 \(format(propagation.eachP50Milliseconds)) ms, p99 \(format(propagation.eachP99Milliseconds)) ms
              check-in at one station → every other station and the hub: p50 \(format(propagation.everyP50Milliseconds)) ms, p99 \
            \(format(propagation.everyP99Milliseconds)) ms, max \(format(propagation.everyMaxMilliseconds)) ms (\(propagation.checkIns) check-ins, \
            \(propagation.missing) missing)
              \(report.catchUp.entries.formatted()) entries made while a station was stopped: at the hub after \(format(report.catchUp.hubSeconds)) s; \
            the station caught up \(format(report.catchUp.stationSeconds)) s after its restart
              hub with \(report.hub.clients) stations (simulated): \(report.hub.pushed) pushes, push → other stations p50 \
            \(format(report.hub.propagationP50Milliseconds)) ms, p99 \(format(report.hub.propagationP99Milliseconds)) ms; \
            hub CPU \(format(report.hub.cpuPercent, 0)) % of a core, resident memory \(format(report.hub.memoryMiB, 0)) MiB
            """
    }
}

/// When each station received each entry.
actor ArrivalBook {
    private var arrivals: [String: [Int: ContinuousClock.Instant]] = [:]

    func note(_ id: String, at station: Int) {
        if arrivals[id]?[station] == nil { arrivals[id, default: [:]][station] = .now }
    }

    func times(of id: String) -> [Int: ContinuousClock.Instant] { arrivals[id] ?? [:] }

    func complete(_ ids: [String], stations: Int) -> Int { ids.filter { arrivals[$0]?.count == stations }.count }
}

/// When each simulated station pushed each entry.
actor SentBook {
    private(set) var all: [String: (from: Int, at: ContinuousClock.Instant)] = [:]

    func note(_ id: String, from station: Int) { all[id] = (station, .now) }
}
