public import Foundation
import Printing
import Roster
import RosterStore

/// Measures check-in to "job accepted by cupsd" (rendering included) and a burst of check-ins across printers,
/// against the CUPS server in `CUPS_SERVER` (see `Benchmarks/print-bench.sh`).
public enum PrintBenchmark {
    /// Times in milliseconds.
    public struct Report: Codable, Sendable {
        public var printers: [String]
        public var checkIns: Int
        public var acceptedP50Milliseconds: Double
        public var acceptedP99Milliseconds: Double
        /// From the first check-in of the burst until every badge was printed.
        public var burstMilliseconds: Double
    }

    /// Checks in `checkIns` delegates at as many desks as `printers`, each desk printing on its own printer first.
    public static func run(printers: [String], checkIns: Int, in folder: URL) throws -> Report {
        try? FileManager.default.removeItem(at: folder)
        let data = DataFolder(path: folder.appendingPathComponent("data").path)
        let (database, _) = try DemoConference.prepare(in: data)
        let desk = try BadgeDesk(database: database, keys: EventKeys(folder: data))
        let connection = try CupsConnection()
        let spoolers = printers.indices.map { index in
            PrintSpooler(
                desk: desk, printer: connection, spool: data.spoolURL,
                configuration: .init(route: Array(printers[index...] + printers[..<index]), stallTimeout: 30))
        }
        let references = try database.delegates().filter { $0.status == .confirmed }.prefix(checkIns).map(\.reference)
        let clock = ContinuousClock()
        var accepted: [Duration] = []
        let burstStart = clock.now
        for (index, reference) in references.enumerated() {
            let spooler = spoolers[index % spoolers.count]
            let start = clock.now
            let receipt = try database.checkIn(reference: reference, station: "desk-\(index % spoolers.count)")
            let key = "bench-\(receipt.entry.id)"
            _ = try spooler.request(reference: reference, key: key, station: receipt.entry.station)
            while try database.printJob(key)?.state == .queued { _ = try spooler.step() }
            accepted.append(clock.now - start)
        }
        while try !database.unfinishedPrintJobs().isEmpty {
            _ = try spoolers[0].step()
            Thread.sleep(forTimeInterval: 0.05)
        }
        let burst = clock.now - burstStart
        accepted.sort()
        func percentile(_ p: Double) -> Double {
            BadgeBenchmark.seconds(accepted[min(accepted.count - 1, Int(Double(accepted.count) * p))]) * 1000
        }
        return Report(
            printers: printers, checkIns: references.count, acceptedP50Milliseconds: percentile(0.5),
            acceptedP99Milliseconds: percentile(0.99), burstMilliseconds: BadgeBenchmark.seconds(burst) * 1000)
    }
}
