public import Foundation
import Roster
import RosterImport
import RosterStore
import SampleConference

/// Measures import and search on a synthetic roster, in a store on disk as a station has it.
public enum RosterBenchmark {
    /// What one run measured. Times in milliseconds, memory in MiB.
    public struct Report: Codable, Sendable {
        public var delegates: Int
        public var importMilliseconds: Double
        /// Building the in-memory search index from the store, as a station does at start-up.
        public var indexBuildMilliseconds: Double
        public var queries: Int
        public var searchP50Milliseconds: Double
        public var searchP99Milliseconds: Double
        public var searchMaxMilliseconds: Double
        public var peakMemoryMiB: Double
    }

    /// Generates `delegates` rows, imports them into a new store under `folder`, builds the search index, then
    /// times `queries` searches.
    public static func run(delegates: Int, queries: Int, in folder: URL) throws -> Report {
        let roster = try SyntheticRoster()
        let csv = folder.appendingPathComponent("synthetic-delegates.csv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try roster.csv(count: delegates).write(to: csv, atomically: true, encoding: .utf8)
        let data = DataFolder(path: folder.appendingPathComponent("data").path)
        try? FileManager.default.removeItem(at: data.url)
        let database = try RosterDatabase.open(in: data)
        try database.createEvent(DemoConference.event(firstDay: "2027-03-09"))
        // The programme and categories first, so that the synthetic rows' sessions and categories are known.
        _ = try RosterImporter(database: database).run(.init(
            delegates: SampleConference.delegatesURL, sessions: SampleConference.sessionsURL,
            categories: SampleConference.categoriesURL))

        let clock = ContinuousClock()
        let importTime = try clock.measure {
            _ = try RosterImporter(database: database).run(.init(delegates: csv))
        }
        let buildTime = try clock.measure { try database.prepareSearch() }
        var latencies: [Duration] = []
        for query in roster.queries(count: queries, rosterSize: delegates) {
            latencies.append(try clock.measure { _ = try database.search(query, limit: 10) })
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            milliseconds(latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))])
        }
        return Report(
            delegates: delegates, importMilliseconds: milliseconds(importTime),
            indexBuildMilliseconds: milliseconds(buildTime), queries: queries,
            searchP50Milliseconds: percentile(0.50), searchP99Milliseconds: percentile(0.99),
            searchMaxMilliseconds: milliseconds(latencies.last ?? .zero), peakMemoryMiB: peakMemoryMiB())
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    /// The process's peak resident memory (Linux reports `ru_maxrss` in KiB).
    static func peakMemoryMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
