import ArgumentParser
import Foundation
import Roster
import RosterImport
import RosterStore
import Station

extension Lanyard {
    /// `lanyard bench`: the figures the issues ask for, on this machine.
    struct Bench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Benchmark import and search on a synthetic roster (build with -c release).")

        @Option(help: "Delegates in the synthetic roster.") var delegates = 100_000
        @Option(help: "Search queries to time.") var queries = 1_000
        @Option(help: "Scratch folder (emptied).") var scratch = "bench-out"
        @Flag(help: "Answer in JSON.") var json = false

        func run() async throws {
            let report = try RosterBenchmark.run(
                delegates: delegates, queries: queries, in: URL(fileURLWithPath: scratch, isDirectory: true))
            try Output(json: json).answer(report) {
                """
                Import of \(report.delegates.formatted()) delegates: \(String(format: "%.0f", report.importMilliseconds)) ms
                Search over them, \(report.queries) queries: p50 \(String(format: "%.2f", report.searchP50Milliseconds)) ms, \
                p99 \(String(format: "%.2f", report.searchP99Milliseconds)) ms, max \(String(format: "%.2f", report.searchMaxMilliseconds)) ms
                Peak memory: \(String(format: "%.0f", report.peakMemoryMiB)) MiB
                """
            }
        }
    }
}
