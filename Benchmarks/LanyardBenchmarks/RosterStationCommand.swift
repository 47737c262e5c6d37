import ArgumentParser
import Foundation
import Logging
import Roster
import RosterStore
import Station

/// `lanyard-bench roster-station`, run by `lanyard-bench roster` in a fresh process: opens a station on a store as
/// `lanyard serve` does, times it until it answers its first search, then times every query of a file through the
/// station's own search (what the desk page calls), and reports its peak memory.
struct RosterStationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster-station", abstract: "Open a station on a store and time its search (run by `roster`).", shouldDisplay: false)

    @Option(help: "The station's data folder.") var data: String
    @Option(help: "Queries, one per line: query<TAB>reference it should find<TAB>kind (the last two optional).") var queries: String

    struct Report: Codable {
        var openToFirstAnswerMilliseconds: Double
        var queries: Int
        var p50Milliseconds: Double
        var p99Milliseconds: Double
        var maxMilliseconds: Double
        /// Queries meant to find one delegate, and how many listed them among their first ten.
        var expected: Int
        var expectedFound: Int
        /// Queries meant to find one delegate that did not list them among their first ten, by kind.
        var expectedMissed: [String: Int]
        /// Queries that found nobody, by kind.
        var foundNobody: [String: Int]
        /// p50 and p99 in milliseconds, by kind of query.
        var byKind: [String: [Double]]
        var peakMemoryMiB: Double
        /// After the queries, walk-ins registered one by one, each then searched for: that search's time, the median
        /// and the slowest, and how many of them it listed first; then the search after the 500th walk-in.
        var searchAfterWalkInMilliseconds: [Double]
        var walkInsFound: Int

        var text: String {
            """
            Station opened on the store and answered its first search in \(format(openToFirstAnswerMilliseconds, 0)) ms
            Search, \(queries) queries: p50 \(format(p50Milliseconds, 3)) ms, p99 \(format(p99Milliseconds, 3)) ms, \
            max \(format(maxMilliseconds, 3)) ms
            The delegate meant was among the first ten for \(expectedFound) of \(expected) queries (missed: \
            \(expectedMissed.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))); found nobody: \
            \(foundNobody.isEmpty ? "none" : foundNobody.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
            By kind, p50 / p99 ms: \(byKind.sorted { $0.key < $1.key }.map { "\($0.key) \(format($0.value[0], 3)) / \(format($0.value[1], 3))" }.joined(separator: ", "))
            Station's peak memory: \(format(peakMemoryMiB, 0)) MiB
            The search right after a walk-in, \(RosterStationCommand.walkIns.count) walk-ins: median \(format(searchAfterWalkInMilliseconds[0], 3)) ms, \
            slowest \(format(searchAfterWalkInMilliseconds[1], 3)) ms; listed first: \(walkInsFound) of \(RosterStationCommand.walkIns.count); \
            after the \(RosterStationCommand.mostLaidOver)th: \(format(searchAfterWalkInMilliseconds[2], 3)) ms
            """
        }
    }

    /// The family names of the walk-ins registered after the queries: in no roster.
    static let walkIns = ["Xylandrova", "Qwertzuik", "Zyxwaltes", "Jqvbrekker", "Wxqplonder"]
    /// The most changes a station lays over its search index before building it whole.
    static let mostLaidOver = 500

    func run() async throws {
        let lines = try String(contentsOfFile: queries, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        let clock = ContinuousClock()
        let start = clock.now
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let station = try await Station(StationConfiguration(data: DataFolder(path: data), name: "bench"), logger: logger)
        // As `lanyard serve` does: the station starts preparing its search as it opens.
        let preparation = station.startPreparingSearch()
        _ = try await station.search(lines.first?.first ?? "a")
        let opened = clock.now - start
        var latencies: [Duration] = []
        var expected = 0, found = 0
        var nobody: [String: Int] = [:]
        var kinds: [String: [Duration]] = [:]
        var missed: [String: Int] = [:]
        for line in lines {
            var hits: [SearchHitView] = []
            let kind = line.count > 2 ? line[2] : "given"
            let latency = try await clock.measure { hits = try await station.search(line[0]) }
            latencies.append(latency)
            if ProcessInfo.processInfo.environment["LANYARD_BENCH_SHOW_EACH"] != nil {
                FileHandle.standardError.write(Data("\(latency.milliseconds)\t\(hits.count)\t\(line[0])\n".utf8))
            }
            kinds[kind, default: []].append(latency)
            if hits.isEmpty { nobody[kind, default: 0] += 1 }
            if line.count > 1, !line[1].isEmpty {
                expected += 1
                if hits.contains(where: { $0.delegate.delegate.reference == line[1] }) {
                    found += 1
                } else {
                    missed[kind, default: 0] += 1
                    if ProcessInfo.processInfo.environment["LANYARD_BENCH_SHOW_MISSES"] != nil {
                        FileHandle.standardError.write(Data("missed \(kind): \(line[0]) for \(line[1])\n".utf8))
                    }
                }
            }
        }
        await preparation.value
        let peak = ProcessFigures.memory(of: getpid()).peak
        var afterWalkIn: [Duration] = []
        var walkInsFound = 0
        for family in Self.walkIns {
            _ = try await station.registerWalkIn(Station.WalkIn(givenName: "Quentin", familyName: family, category: "DEL"))
            var hits: [SearchHitView] = []
            afterWalkIn.append(try await clock.measure { hits = try await station.search(family) })
            if hits.first?.delegate.delegate.familyName == family { walkInsFound += 1 }
        }
        let walkInSearches = Latencies(afterWalkIn)
        // Then walk-ins up to the 500th, the most a station lays over its index before building it whole, and the
        // search after that one, which indexes all 500 apart.
        for number in (Self.walkIns.count + 1)..<Self.mostLaidOver {
            _ = try await station.registerWalkIn(Station.WalkIn(givenName: "Quentin", familyName: "Walkin\(number)", category: "DEL"))
        }
        _ = try await station.registerWalkIn(Station.WalkIn(givenName: "Quentin", familyName: "Lastwalkin", category: "DEL"))
        let afterMostLaidOver = try await clock.measure { _ = try await station.search("Lastwalkin") }
        let search = Latencies(latencies)
        let report = Report(
            openToFirstAnswerMilliseconds: opened.milliseconds, queries: lines.count, p50Milliseconds: search.percentile(0.5),
            p99Milliseconds: search.percentile(0.99), maxMilliseconds: search.max, expected: expected, expectedFound: found, expectedMissed: missed,
            foundNobody: nobody,
            byKind: kinds.mapValues {
                let kind = Latencies($0)
                return [kind.percentile(0.5), kind.percentile(0.99)]
            }, peakMemoryMiB: peak,
            searchAfterWalkInMilliseconds: [walkInSearches.percentile(0.5), walkInSearches.max, afterMostLaidOver.milliseconds],
            walkInsFound: walkInsFound)
        print(String(decoding: try JSONEncoder().encode(report), as: UTF8.self))
    }
}
