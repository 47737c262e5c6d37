import ArgumentParser
import Badges
import Foundation
import Logging
import Roster
import RosterStore
import SampleConference
import Station
import SyntheticRoster

/// `lanyard-bench doors-under-import`: a door scanning while another process (`lanyard import`) writes a large
/// roster into the same store, holding its write lock: how fast the verdicts come, and how many scans are lost.
struct DoorsUnderImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doors-under-import", abstract: "Door verdicts while another process imports a large roster.")

    @Option(help: "Rows the other process imports.") var rows = 100_000
    @Option(help: "Scans at least; the door scans on until the import has ended.") var scans = 200
    @Option(help: "Milliseconds between scans.") var interval = 10
    @Option(help: "Scratch folder (emptied).") var scratch = "bench-out/doors-under-import"
    @Flag(help: "Answer in JSON.") var json = false

    struct Report: Codable {
        var importRows: Int
        var importMilliseconds: Double
        var scans: Int
        /// Scans made while the import process ran.
        var scansDuringImport: Int
        var decisionP50Milliseconds: Double
        var decisionP99Milliseconds: Double
        var decisionMaxMilliseconds: Double
        /// The most scans waiting in the outbox at once (the store being locked).
        var mostWaiting: Int
        /// Scans answered that are not in the log afterwards: must be 0.
        var scansLost: Int
    }

    func run() async throws {
        let folder = URL(fileURLWithPath: scratch, isDirectory: true)
        try? FileManager.default.removeItem(at: folder)
        let data = DataFolder(path: folder.appendingPathComponent("data").path)
        let (station, _) = try await DemoConference.open(
            StationConfiguration(data: data, name: "door"), firstDay: "2027-03-09", logger: Logger(label: "bench"))
        let arrival = try station.event.parseTime("2027-03-09T08:00")
        var codes: [String] = []
        for delegate in try station.database.delegates() where delegate.status == .confirmed && delegate.days.contains(1) {
            _ = try station.database.checkIn(reference: delegate.reference, station: "desk", at: arrival)
            let issue = try station.database.nextBadges(for: [delegate.reference])[0]
            codes.append(try station.desk.sign(issue, at: arrival).text)
            try station.database.recordBadgeIssues([issue], station: "desk", at: arrival)
            if codes.count == 400 { break }
        }
        let csv = folder.appendingPathComponent("import.csv")
        try SyntheticRoster().csv(count: rows).write(to: csv, atomically: true, encoding: .utf8)
        let door = try await station.door(area: "Venue")
        let scanTime = try station.event.parseTime("2027-03-09T09:00")

        let importer = Process()
        importer.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lanyard")
        importer.arguments = ["import", csv.path, "--data", data.url.path]
        importer.standardOutput = FileHandle.nullDevice
        importer.standardError = FileHandle.nullDevice
        let clock = ContinuousClock()
        let importStart = clock.now
        try importer.run()
        var latencies: [Duration] = []
        var made = 0, duringImport = 0, mostWaiting = 0
        var importTime: Duration?
        while made < scans || importer.isRunning {
            let code = codes[made % codes.count]
            let direction: Direction = (made / codes.count) % 2 == 0 ? .in : .out
            latencies.append(try await clock.measure { _ = try await door.scan(code, direction: direction, at: scanTime) })
            made += 1
            if importer.isRunning { duringImport += 1 } else if importTime == nil { importTime = clock.now - importStart }
            mostWaiting = max(mostWaiting, await door.waitingScans)
            try await Task.sleep(for: .milliseconds(interval))
        }
        importer.waitUntilExit()
        await door.flush()
        let logged = try station.database.logEntries(kind: .scan).count
        let decisions = Latencies(latencies)
        let report = Report(
            importRows: rows, importMilliseconds: (importTime ?? clock.now - importStart).milliseconds, scans: made,
            scansDuringImport: duringImport, decisionP50Milliseconds: decisions.percentile(0.5),
            decisionP99Milliseconds: decisions.percentile(0.99), decisionMaxMilliseconds: decisions.max, mostWaiting: mostWaiting,
            scansLost: made - logged)
        try BenchmarkOutput(json: json).report(report) {
            """
            A door scanning while `lanyard import` writes \(report.importRows.formatted()) rows (\(format(report.importMilliseconds, 0)) ms) \
            into the same store:
              \(report.scans) scans, \(report.scansDuringImport) of them during the import; at most \(report.mostWaiting) waiting in the outbox
              verdict p50 \(format(report.decisionP50Milliseconds)) ms, p99 \(format(report.decisionP99Milliseconds)) ms, \
            max \(format(report.decisionMaxMilliseconds)) ms
              scans lost: \(report.scansLost)
            """
        }
    }
}
