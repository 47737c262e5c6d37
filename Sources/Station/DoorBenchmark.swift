import Badges
import DoorRules
public import Foundation
import Roster
import RosterImport
import RosterStore
import SampleConference

/// Measures scan-to-verdict at one door on a large store: badges issued and delegates checked in beforehand.
public enum DoorBenchmark {
    /// Times in milliseconds.
    public struct Report: Codable, Sendable {
        public var delegates: Int
        public var scans: Int
        /// Deciding and logging durably (`synchronous = FULL`) before answering, as a door does.
        public var durableP50Milliseconds: Double
        public var durableP99Milliseconds: Double
        public var durableVerdictsPerSecond: Double
        /// Deciding only (`--dry-run`): the in-process decision.
        public var decisionP50Milliseconds: Double
        public var decisionP99Milliseconds: Double
        public var decisionVerdictsPerSecond: Double
    }

    public static func run(delegates: Int, scans: Int, in folder: URL) throws -> Report {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let csv = folder.appendingPathComponent("synthetic-delegates.csv")
        try SyntheticRoster().csv(count: delegates).write(to: csv, atomically: true, encoding: .utf8)
        let data = DataFolder(path: folder.appendingPathComponent("data").path)
        let database = try StationSetup.createEvent(DemoConference.event(firstDay: "2027-03-09"), in: data)
        _ = try RosterImporter(database: database).run(.init(
            delegates: csv, sessions: SampleConference.sessionsURL, categories: SampleConference.categoriesURL))
        let desk = try BadgeDesk(database: database, keys: EventKeys(folder: data))
        let door = try DoorStation(desk: desk, door: Door(place: .area(name: "Venue", capacity: nil), antiPassback: .off), name: "bench")
        let arrival = try Date("2027-03-09T08:00:00+00:00", strategy: .iso8601)
        var codes: [String] = []
        for number in stride(from: 1, through: delegates, by: max(1, delegates / 500)) {
            let reference = String(format: "SYN-%07d", number)
            guard try database.delegate(reference).status == .confirmed else { continue }
            _ = try database.checkIn(reference: reference, station: "desk", at: arrival)
            codes.append(try desk.issueBadge(reference: reference, station: "desk", at: arrival).1.text)
        }
        let scanTime = arrival.addingTimeInterval(3600)
        func measure(dryRun: Bool) throws -> ([Duration], Duration) {
            let clock = ContinuousClock()
            var latencies: [Duration] = []
            let total = try clock.measure {
                for index in 0..<scans {
                    let code = codes[index % codes.count]
                    latencies.append(try clock.measure { _ = try door.scan(code, at: scanTime, dryRun: dryRun) })
                }
            }
            return (latencies.sorted(), total)
        }
        let (durable, durableTotal) = try measure(dryRun: false)
        let (decision, decisionTotal) = try measure(dryRun: true)
        func percentile(_ values: [Duration], _ p: Double) -> Double {
            BadgeBenchmark.seconds(values[min(values.count - 1, Int(Double(values.count) * p))]) * 1000
        }
        return Report(
            delegates: delegates, scans: scans,
            durableP50Milliseconds: percentile(durable, 0.5), durableP99Milliseconds: percentile(durable, 0.99),
            durableVerdictsPerSecond: Double(scans) / BadgeBenchmark.seconds(durableTotal),
            decisionP50Milliseconds: percentile(decision, 0.5), decisionP99Milliseconds: percentile(decision, 0.99),
            decisionVerdictsPerSecond: Double(scans) / BadgeBenchmark.seconds(decisionTotal))
    }
}
