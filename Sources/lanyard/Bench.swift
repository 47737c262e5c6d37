import ArgumentParser
import Foundation
import Station

extension Lanyard {
    /// `lanyard bench`: the figures the issues ask for, on this machine (build with `-c release`).
    struct Bench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Benchmark import and search, badges, or door verdicts (build with -c release).",
            subcommands: [Roster.self, Badges.self, Doors.self, Printing.self], defaultSubcommand: Roster.self)

        struct Roster: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Import and search on a synthetic roster.")
            @Option(help: "Delegates in the synthetic roster.") var delegates = 100_000
            @Option(help: "Search queries to time.") var queries = 1_000
            @Option(help: "Scratch folder (emptied).") var scratch = "bench-out"
            @Flag(help: "Answer in JSON.") var json = false

            func run() async throws {
                let report = try RosterBenchmark.run(delegates: delegates, queries: queries, in: URL(fileURLWithPath: scratch, isDirectory: true))
                try Output(json: json).answer(report) {
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

        struct Badges: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "QR encoding and badge rendering on the sample conference.")
            @Option(help: "Scratch folder (emptied).") var scratch = "bench-out/badges"
            @Option(help: "Badge template.") var template = BadgeStudio.defaultTemplate
            @Flag(help: "Answer in JSON.") var json = false

            func run() async throws {
                let report = try BadgeBenchmark.run(in: URL(fileURLWithPath: scratch, isDirectory: true), template: template)
                try Output(json: json).answer(report) {
                    """
                    QR encode: \(format(report.qrEncodeMicrosecondsPerToken, 1)) µs per token
                    Render to PDF: \(format(report.pdfBadgesPerSecond, 0)) badges/s; to PNG at 300 dpi: \(format(report.pngBadgesPerSecond, 0)) badges/s
                    Batch of \(report.batchBadges) badges (issue + sign + render one PDF): \(format(report.batchPDFMilliseconds, 0)) ms, \
                    \(format(report.batchPDFMiB, 1)) MiB
                    Peak memory: \(format(report.peakMemoryMiB, 0)) MiB
                    """
                }
            }
        }

        struct Doors: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Scan-to-verdict at one door on a large store.")
            @Option(help: "Delegates in the synthetic roster.") var delegates = 100_000
            @Option(help: "Scans to time.") var scans = 2_000
            @Option(help: "Scratch folder (emptied).") var scratch = "bench-out/doors"
            @Flag(help: "Answer in JSON.") var json = false

            func run() async throws {
                let report = try DoorBenchmark.run(delegates: delegates, scans: scans, in: URL(fileURLWithPath: scratch, isDirectory: true))
                try Output(json: json).answer(report) {
                    """
                    \(report.scans) scans at one door, \(report.delegates.formatted()) delegates in the store:
                      decide and log durably: p50 \(format(report.durableP50Milliseconds)) ms, p99 \(format(report.durableP99Milliseconds)) ms, \
                    \(format(report.durableVerdictsPerSecond, 0)) verdicts/s
                      decide only (dry run):  p50 \(format(report.decisionP50Milliseconds)) ms, p99 \(format(report.decisionP99Milliseconds)) ms, \
                    \(format(report.decisionVerdictsPerSecond, 0)) verdicts/s
                    """
                }
            }
        }
    }
}

extension Lanyard.Bench {
    struct Printing: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check-in to job accepted by cupsd, and a burst across printers (see Benchmarks/print-bench.sh).")
        @Option(help: "Queues, comma-separated: one desk per queue.") var printers: String
        @Option(help: "Check-ins in the burst.") var checkIns = 100
        @Option(help: "Scratch folder (emptied).") var scratch = "bench-out/printing"
        @Flag(help: "Answer in JSON.") var json = false

        func run() async throws {
            let report = try PrintBenchmark.run(
                printers: printers.split(separator: ",").map(String.init), checkIns: checkIns,
                in: URL(fileURLWithPath: scratch, isDirectory: true))
            try Output(json: json).answer(report) {
                """
                \(report.checkIns) check-ins at \(report.printers.count) desks, each printing first on its own printer:
                  check-in to job accepted by cupsd (rendering included): p50 \(format(report.acceptedP50Milliseconds)) ms, \
                p99 \(format(report.acceptedP99Milliseconds)) ms
                  whole burst until every badge printed: \(format(report.burstMilliseconds, 0)) ms
                """
            }
        }
    }
}

private func format(_ value: Double, _ decimals: Int = 2) -> String {
    String(format: "%.\(decimals)f", value)
}
