import ArgumentParser
import DelimitedText
import Foundation
import SampleConference
import SyntheticRoster

/// `lanyard-bench roster`: import and search as a user meets them, every figure from a fresh process whose files
/// were dropped from the page cache: `lanyard import` of the whole roster; a station opened on a copy of the store
/// just imported, which builds the search index (``RosterStationCommand``); one-shot `lanyard search`es, the first of
/// which builds and stores the index; then a station opened on the store with its index stored, until its first
/// answer, then searched with the whole query mix.
struct RosterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Import and search on a roster of its own (or --roster FILE), each in a fresh process with cold caches.")

    @Option(help: "Delegates in the generated roster (names made up here, never the sample's).") var delegates = 100_000
    @Option(help: "A roster CSV in Lanyard's format to import instead of a generated one.") var roster: String?
    @Option(help: "A file of queries, one per line (optionally: query<TAB>reference it should find).") var queries: String?
    @Option(help: "Queries in the generated mix.") var queryCount = 2_000
    @Option(help: "The lanyard binary (build it with -c release).") var lanyard = ".build/release/lanyard"
    @Option(help: "Scratch folder (emptied).") var scratch = "bench-out/roster"
    @Flag(help: "Answer in JSON.") var json = false

    struct Report: Codable {
        var delegates: Int
        /// `lanyard import` of the roster, the whole process.
        var importMilliseconds: Double
        var importPeakMemoryMiB: Double
        /// One-shot `lanyard search`, whole process: the first after the import, and the median of the next ones.
        var firstCLISearchMilliseconds: Double
        var cliSearchMilliseconds: Double
        /// A station opened on the store just imported, before any search stored its index.
        var stationJustImported: RosterStationCommand.Report
        /// A station opened on the store with its index stored.
        var station: RosterStationCommand.Report
    }

    func run() async throws {
        let folder = URL(fileURLWithPath: scratch, isDirectory: true)
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let data = folder.appendingPathComponent("data")
        let (rosterFile, queryFile, count) = try materials(in: folder)

        func lanyard(_ arguments: String...) throws -> ChildProcess {
            try ChildProcess.run(self.lanyard, arguments + ["--data", data.path]).succeeded("lanyard \(arguments[0])")
        }
        _ = try lanyard("init", "--name", "Benchmark", "--first-day", "2027-03-09", "--days", "3", "--time-zone", "Europe/Brussels")
        // The programme alone first (an empty delegates file), so that the roster's sessions and categories are known.
        let programme = folder.appendingPathComponent("no-delegates.csv")
        try (SyntheticRoster.header.joined(separator: ",") + "\n").write(to: programme, atomically: true, encoding: .utf8)
        _ = try lanyard(
            "import", programme.path, "--sessions", SampleConference.sessionsURL.path, "--categories", SampleConference.categoriesURL.path)

        PageCache.evict(rosterFile)
        let imported = try lanyard("import", rosterFile.path, "--json")
        let justImported = folder.appendingPathComponent("data-just-imported")
        try FileManager.default.copyItem(at: data, to: justImported)
        let stationJustImported = try openStation(on: justImported, queries: queryFile)
        var searches: [Duration] = []
        for text in ["novak", "BEN-0000042", "shev", "ma", "zoe"] {
            PageCache.evict(data)
            searches.append(try lanyard("search", text, "--json").wall)
        }
        let station = try openStation(on: data, queries: queryFile)
        let report = Report(
            delegates: count, importMilliseconds: imported.wall.milliseconds, importPeakMemoryMiB: imported.peakMemoryMiB,
            firstCLISearchMilliseconds: searches[0].milliseconds,
            cliSearchMilliseconds: Latencies(Array(searches.dropFirst())).percentile(0.5), stationJustImported: stationJustImported,
            station: station)
        try BenchmarkOutput(json: json).report(report) {
            """
            lanyard import of \(report.delegates.formatted()) delegates (whole process): \(format(report.importMilliseconds, 0)) ms, \
            peak \(format(report.importPeakMemoryMiB, 0)) MiB
            Station opened right after the import (building its index): first answer in \
            \(format(report.stationJustImported.openToFirstAnswerMilliseconds, 0)) ms, peak \
            \(format(report.stationJustImported.peakMemoryMiB, 0)) MiB
            lanyard search (whole process): first \(format(report.firstCLISearchMilliseconds, 0)) ms, then \
            \(format(report.cliSearchMilliseconds, 0)) ms
            """ + "\n" + station.text
        }
    }

    /// A station opened in a fresh process on the store in `data`, dropped from the page cache, timed with the
    /// queries in `queries`.
    private func openStation(on data: URL, queries: URL) throws -> RosterStationCommand.Report {
        PageCache.evict(data)
        let child = try ChildProcess.run(
            CommandLine.arguments[0], ["roster-station", "--data", data.path, "--queries", queries.path]
        ).succeeded("lanyard-bench roster-station")
        return try JSONDecoder().decode(RosterStationCommand.Report.self, from: Data(child.output.utf8))
    }

    /// The roster to import and the queries to time, written into `folder`, and the number of delegates.
    private func materials(in folder: URL) throws -> (roster: URL, queries: URL, delegates: Int) {
        let queryFile = folder.appendingPathComponent("queries.tsv")
        if let roster {
            guard let queries else { throw ValidationError("With --roster, give --queries too.") }
            let url = URL(fileURLWithPath: roster)
            try FileManager.default.copyItem(at: URL(fileURLWithPath: queries), to: queryFile)
            return (url, queryFile, try DelimitedTable(contentsOf: url).records.count)
        }
        let generator = try SyntheticRoster()
        let people = generator.delegates(count: delegates)
        let rosterFile = folder.appendingPathComponent("delegates.csv")
        try generator.csv(count: delegates).write(to: rosterFile, atomically: true, encoding: .utf8)
        if let queries {
            try FileManager.default.copyItem(at: URL(fileURLWithPath: queries), to: queryFile)
        } else {
            let mix = DeskQuery.mix(count: queryCount, over: people, seed: 7)
            try mix.map { "\($0.text)\t\($0.expected ?? "")\t\($0.kind.rawValue)" }.joined(separator: "\n")
                .write(to: queryFile, atomically: true, encoding: .utf8)
        }
        return (rosterFile, queryFile, delegates)
    }
}
