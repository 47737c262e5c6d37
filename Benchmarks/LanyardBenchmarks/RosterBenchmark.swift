import ArgumentParser
import Foundation
import Roster
import RosterImport
import RosterStore
import SampleConference
import SyntheticRoster

/// `lanyard-bench roster`: import and search on a synthetic roster, in a store on disk as a station has it.
struct RosterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "roster", abstract: "Import and search on a synthetic roster.")

    @Option(help: "Delegates in the synthetic roster.") var delegates = 100_000
    @Option(help: "Search queries to time.") var queries = 1_000
    @Option(help: "Scratch folder (emptied).") var scratch = "bench-out/roster"
    @Flag(help: "Answer in JSON.") var json = false

    struct Report: Codable {
        var delegates: Int
        var importMilliseconds: Double
        /// Building the in-memory search index from the store, as a station does at start-up.
        var indexBuildMilliseconds: Double
        var queries: Int
        var searchP50Milliseconds: Double
        var searchP99Milliseconds: Double
        var searchMaxMilliseconds: Double
        var peakMemoryMiB: Double
    }

    func run() async throws {
        let folder = URL(fileURLWithPath: scratch, isDirectory: true)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let roster = try SyntheticRoster()
        let csv = folder.appendingPathComponent("synthetic-delegates.csv")
        try roster.csv(count: delegates).write(to: csv, atomically: true, encoding: .utf8)
        let database = try RosterDatabase.open(in: DataFolder(path: folder.appendingPathComponent("data").path))
        try database.createEvent(DemoConference.event(firstDay: "2027-03-09"))
        // The programme and categories first, so that the synthetic rows' sessions and categories are known.
        _ = try RosterImporter(database: database).run(
            .init(
                delegates: SampleConference.delegatesURL, sessions: SampleConference.sessionsURL,
                categories: SampleConference.categoriesURL))
        let clock = ContinuousClock()
        let importTime = try clock.measure { _ = try RosterImporter(database: database).run(.init(delegates: csv)) }
        let buildTime = try clock.measure { try database.prepareSearch() }
        var latencies: [Duration] = []
        for query in roster.queries(count: queries, rosterSize: delegates) {
            latencies.append(try clock.measure { _ = try database.search(query, limit: 10) })
        }
        let search = Latencies(latencies)
        let report = Report(
            delegates: delegates, importMilliseconds: importTime.milliseconds, indexBuildMilliseconds: buildTime.milliseconds,
            queries: queries, searchP50Milliseconds: search.percentile(0.5), searchP99Milliseconds: search.percentile(0.99),
            searchMaxMilliseconds: search.max, peakMemoryMiB: peakMemoryMiB())
        try BenchmarkOutput(json: json).report(report) {
            """
            Import of \(report.delegates.formatted()) delegates: \(format(report.importMilliseconds, 0)) ms
            Search index built from the store in \(format(report.indexBuildMilliseconds, 0)) ms
            Search over them, \(report.queries) queries: p50 \(format(report.searchP50Milliseconds)) ms, \
            p99 \(format(report.searchP99Milliseconds)) ms, max \(format(report.searchMaxMilliseconds)) ms
            Peak memory: \(format(report.peakMemoryMiB, 0)) MiB
            """
        }
    }
}
