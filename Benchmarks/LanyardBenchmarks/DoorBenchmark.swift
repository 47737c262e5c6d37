import ArgumentParser
import Badges
import DoorRules
import Foundation
import Logging
import Roster
import RosterImport
import RosterStore
import SampleConference
import Station
import SyntheticRoster

/// `lanyard-bench doors`: scan-to-verdict at one door on a large store, badges issued and delegates checked in
/// beforehand, through the station's door as `lanyard door` and the server use it.
struct DoorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "doors", abstract: "Scan-to-verdict at one door on a large store.")

    @Option(help: "Delegates in the synthetic roster.") var delegates = 100_000
    @Option(help: "Scans to time.") var scans = 2_000
    @Option(help: "Scratch folder (emptied).") var scratch = "bench-out/doors"
    @Flag(help: "Answer in JSON.") var json = false

    struct Report: Codable {
        var delegates: Int
        var scans: Int
        /// Deciding and making the scan durable (the outbox's fsync) before answering, as a door does.
        var durableP50Milliseconds: Double
        var durableP99Milliseconds: Double
        var durableVerdictsPerSecond: Double
        /// Deciding only (a dry run).
        var decisionP50Milliseconds: Double
        var decisionP99Milliseconds: Double
        var decisionVerdictsPerSecond: Double
    }

    func run() async throws {
        let (station, codes) = try await DoorBenchmarkSetup.station(
            delegates: delegates, badges: 500, in: URL(fileURLWithPath: scratch, isDirectory: true))
        let door = try await station.door(area: "Venue")
        let scanTime = try station.event.parseTime("2027-03-09T09:00")
        func measure(dryRun: Bool) async throws -> (Latencies, Duration) {
            let clock = ContinuousClock()
            var latencies: [Duration] = []
            let total = try await clock.measure {
                for index in 0..<scans {
                    let code = codes[index % codes.count]
                    let direction: Direction = (index / codes.count) % 2 == 0 ? .in : .out
                    latencies.append(try await clock.measure { _ = try await door.scan(code, direction: direction, at: scanTime, dryRun: dryRun) })
                }
            }
            return (Latencies(latencies), total)
        }
        let (durable, durableTotal) = try await measure(dryRun: false)
        await door.flush()
        let (decision, decisionTotal) = try await measure(dryRun: true)
        let report = Report(
            delegates: delegates, scans: scans, durableP50Milliseconds: durable.percentile(0.5),
            durableP99Milliseconds: durable.percentile(0.99), durableVerdictsPerSecond: Double(scans) / (durableTotal.milliseconds / 1000),
            decisionP50Milliseconds: decision.percentile(0.5), decisionP99Milliseconds: decision.percentile(0.99),
            decisionVerdictsPerSecond: Double(scans) / (decisionTotal.milliseconds / 1000))
        try BenchmarkOutput(json: json).report(report) {
            """
            \(report.scans) scans at one door, \(report.delegates.formatted()) delegates in the store:
              decide and record durably: p50 \(format(report.durableP50Milliseconds)) ms, p99 \(format(report.durableP99Milliseconds)) ms, \
            \(format(report.durableVerdictsPerSecond, 0)) verdicts/s
              decide only (dry run):     p50 \(format(report.decisionP50Milliseconds)) ms, p99 \(format(report.decisionP99Milliseconds)) ms, \
            \(format(report.decisionVerdictsPerSecond, 0)) verdicts/s
            """
        }
    }
}

/// A station on a synthetic roster with some delegates checked in and their badges issued, for the door benchmarks.
enum DoorBenchmarkSetup {
    /// - Returns: The station, and the badge codes of `badges` checked-in delegates.
    static func station(delegates: Int, badges: Int, in folder: URL) async throws -> (Station, [String]) {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let csv = folder.appendingPathComponent("synthetic-delegates.csv")
        try SyntheticRoster().csv(count: delegates).write(to: csv, atomically: true, encoding: .utf8)
        let configuration = StationConfiguration(data: DataFolder(path: folder.appendingPathComponent("data").path), name: "bench")
        let station = try await Station.create(
            DemoConference.event(firstDay: "2027-03-09"), configuration: configuration, logger: Logger(label: "bench"))
        _ = try await station.importRoster(
            .init(
                delegates: csv, sessions: SampleConference.sessionsURL, categories: SampleConference.categoriesURL))
        let arrival = try station.event.parseTime("2027-03-09T08:00")
        var codes: [String] = []
        for number in stride(from: 1, through: delegates, by: max(1, delegates / badges)) {
            let reference = SyntheticRoster.reference(number)
            guard try station.database.delegate(reference).status == .confirmed else { continue }
            _ = try station.database.checkIn(reference: reference, station: "desk", at: arrival)
            let issue = try station.database.nextBadges(for: [reference])[0]
            codes.append(try station.desk.sign(issue, at: arrival).text)
            try station.database.recordBadgeIssues([issue], station: "desk", at: arrival)
        }
        return (station, codes)
    }
}
