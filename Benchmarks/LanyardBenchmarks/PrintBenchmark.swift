import ArgumentParser
import Foundation
import Logging
import PrintQueue
import Printing
import Roster
import RosterStore
import SampleConference
import Station

/// `lanyard-bench printing`: check-in to "job accepted by cupsd" (rendering included) and a burst of check-ins
/// across printers, against the CUPS server in `CUPS_SERVER` (see `Benchmarks/with-private-cups.sh`).
struct PrintingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "printing", abstract: "Check-in to job accepted by cupsd, and a burst across printers (see Benchmarks/with-private-cups.sh).")

    @Option(help: "Queues, comma-separated: one desk per queue.") var printers: String
    @Option(help: "Check-ins in the burst.") var checkIns = 100
    @Option(help: "Scratch folder (emptied).") var scratch = "bench-out/printing"
    @Flag(help: "Answer in JSON.") var json = false

    struct Report: Codable {
        var printers: [String]
        var checkIns: Int
        var acceptedP50Milliseconds: Double
        var acceptedP99Milliseconds: Double
        /// From the first check-in of the burst until every badge was printed.
        var burstMilliseconds: Double
    }

    func run() async throws {
        let queues = printers.split(separator: ",").map(String.init)
        let folder = URL(fileURLWithPath: scratch, isDirectory: true)
        try? FileManager.default.removeItem(at: folder)
        let data = DataFolder(path: folder.appendingPathComponent("data").path)
        let (station, _) = try await DemoConference.open(StationConfiguration(data: data, name: "bench"), logger: Logger(label: "bench"))
        let connection = CupsConnection()
        let spoolers = queues.indices.map { index in
            PrintSpooler(
                store: station.database, badges: station.studio, printer: connection, spool: data.spoolURL,
                configuration: .init(route: Array(queues[index...] + queues[..<index]), stallTimeout: 30))
        }
        let references = try station.database.delegates().filter { $0.status == .confirmed }.prefix(checkIns).map(\.reference)
        let clock = ContinuousClock()
        var accepted: [Duration] = []
        let burstStart = clock.now
        for (index, reference) in references.enumerated() {
            let spooler = spoolers[index % spoolers.count]
            let start = clock.now
            let receipt = try station.database.checkIn(reference: reference, station: "desk-\(index % spoolers.count)")
            let key = "bench-\(receipt.entry.id)"
            _ = try spooler.request(reference: reference, key: key, station: receipt.entry.station)
            while try station.database.printJob(key)?.state == .queued { _ = try spooler.step() }
            accepted.append(clock.now - start)
        }
        while try !station.database.unfinishedPrintJobs().isEmpty {
            _ = try spoolers[0].step()
            try await Task.sleep(for: .milliseconds(50))
        }
        let burst = clock.now - burstStart
        let latencies = Latencies(accepted)
        let report = Report(
            printers: queues, checkIns: references.count, acceptedP50Milliseconds: latencies.percentile(0.5),
            acceptedP99Milliseconds: latencies.percentile(0.99), burstMilliseconds: burst.milliseconds)
        try BenchmarkOutput(json: json).report(report) {
            """
            \(report.checkIns) check-ins at \(report.printers.count) desks, each printing first on its own printer:
              check-in to job accepted by cupsd (rendering included): p50 \(format(report.acceptedP50Milliseconds)) ms, \
            p99 \(format(report.acceptedP99Milliseconds)) ms
              whole burst until every badge printed: \(format(report.burstMilliseconds, 0)) ms
            """
        }
    }
}
