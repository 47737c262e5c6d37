import ArgumentParser
import BadgeRendering
import Foundation
import Logging
import Printing
import Roster
import RosterStore
import SampleConference
import Station

/// `lanyard-bench badges`: a station with a Zebra and a PDF printer prepares its badges as `lanyard serve` does as it
/// starts; then one badge at a time as the spooler makes it, per format, before anything else is rendered; then the
/// sample conference's batch, on one core, and beside it, when python3-reportlab is installed, the reportlab stack of
/// pretix and Indico on the same badges.
struct BadgesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "badges", abstract: "Badges one at a time per format, the batch, and reportlab on the same badges.")

    @Option(help: "Scratch folder (emptied).") var scratch = "bench-out/badges"
    @Option(help: "Badge template of the batch (single badges use the printers' own, zebra-4x3).")
    var template = BadgeStudio.defaultTemplate
    @Option(help: "Badges made one at a time, per format.") var single = 300
    @Option(help: "The reportlab script to compare with (skipped when python3-reportlab is missing).")
    var reportlab = "Benchmarks/reportlab/badges.py"
    @Flag(help: "Answer in JSON.") var json = false

    /// One badge made as the spooler makes it for a job (signed, rendered, written), in one format.
    struct SingleBadge: Codable {
        var format: String
        var p50Milliseconds: Double
        var p99Milliseconds: Double
        var maxMilliseconds: Double
    }

    struct Report: Codable {
        /// The station's preparation of its Zebra's and its PDF printer's badges, as `lanyard serve` runs it at start-up.
        var preparationMilliseconds: Double
        var single: [SingleBadge]
        /// The reportlab script's time for the same batch, and how many times faster Lanyard renders it (nil when
        /// reportlab is not installed).
        var reportlabMilliseconds: Double?
        var timesFasterThanReportlab: Double?
        var qrEncodeMicrosecondsPerToken: Double
        var pdfBadgesPerSecond: Double
        var pngBadgesPerSecond: Double
        var batchBadges: Int
        var batchPDFMilliseconds: Double
        var batchPDFMiB: Double
        var peakMemoryMiB: Double
    }

    func run() async throws {
        let folder = URL(fileURLWithPath: scratch, isDirectory: true)
        try? FileManager.default.removeItem(at: folder)
        // A Zebra printing ZPL and a printer without a profile (a PDF of the default template): what serve prepares.
        let configuration = StationConfiguration(
            data: DataFolder(path: folder.appendingPathComponent("data").path), name: "bench",
            printers: PrinterRoute("bench-zebra=zebra-zd421-203dpi, bench-pdf"))
        let (station, _) = try await DemoConference.open(configuration, logger: Logger(label: "bench"))
        let clock = ContinuousClock()

        // First, before anything else is rendered in this process: the preparation serve runs, then single badges.
        let preparation = await station.prepareBadges(station.preparedBadgeFormats)
        let references = try station.database.delegates().prefix(single).map(\.reference)
        let singles = try singleBadges(station, references: references, in: folder)

        let batchURL = folder.appendingPathComponent("batch.pdf")
        var batch: BatchView?
        let batchTime = try await clock.measure {
            batch = try await station.issueBadges(.init(includeCancelled: true), template: template, to: batchURL)
        }
        let badges = batch?.badges ?? []
        let qrTime = try clock.measure { for badge in badges { _ = try QRSymbol(encoding: badge.code) } }

        let contents = try badges.map { try station.studio.content(try station.database.delegate($0.reference), $0.code) }
        let renderer = BadgeRenderer(template: try BadgeStudio.template(named: template))
        let pdfTime = try clock.measure { _ = try renderer.renderPDF(contents, to: folder.appendingPathComponent("render.pdf")) }
        let pngCount = 100
        let pngTime = try clock.measure {
            for content in contents.prefix(pngCount) {
                try renderer.render(content, format: .png(dpi: 300), to: folder.appendingPathComponent("badge.png"))
            }
        }
        let size = (try FileManager.default.attributesOfItem(atPath: batchURL.path)[.size] as? Int) ?? 0
        let reportlabTime = try reportlab(contents, in: folder)
        let report = Report(
            preparationMilliseconds: preparation.milliseconds, single: singles,
            reportlabMilliseconds: reportlabTime?.milliseconds,
            timesFasterThanReportlab: reportlabTime.map { $0.milliseconds / pdfTime.milliseconds },
            qrEncodeMicrosecondsPerToken: qrTime.milliseconds * 1000 / Double(max(1, badges.count)),
            pdfBadgesPerSecond: Double(contents.count) / (pdfTime.milliseconds / 1000),
            pngBadgesPerSecond: Double(pngCount) / (pngTime.milliseconds / 1000),
            batchBadges: badges.count, batchPDFMilliseconds: batchTime.milliseconds, batchPDFMiB: Double(size) / 1_048_576,
            peakMemoryMiB: peakMemoryMiB())
        try BenchmarkOutput(json: json).report(report) {
            "Badges prepared as the station starts (its Zebra's ZPL and its PDF printer's, as serve does): \(format(report.preparationMilliseconds, 0)) ms\n"
                + report.single.map {
                    "One badge as the spooler makes it, \($0.format): p50 \(format($0.p50Milliseconds)) ms, p99 \(format($0.p99Milliseconds)) ms, "
                        + "max \(format($0.maxMilliseconds)) ms"
                }.joined(separator: "\n") + "\n"
                + (report.reportlabMilliseconds.map {
                    "reportlab on the same \(contents.count) badges: \(format($0, 0)) ms; Lanyard renders them "
                        + "\(format(report.timesFasterThanReportlab ?? 0, 1)) times faster\n"
                } ?? "reportlab: not installed (apt-get install python3-reportlab)\n")
                    + """
                    QR encode: \(format(report.qrEncodeMicrosecondsPerToken, 1)) µs per token
                    Render to PDF: \(format(report.pdfBadgesPerSecond, 0)) badges/s; to PNG at 300 dpi: \(format(report.pngBadgesPerSecond, 0)) badges/s
                    Batch of \(report.batchBadges) badges (issue + sign + render one PDF): \(format(report.batchPDFMilliseconds, 0)) ms, \
                    \(format(report.batchPDFMiB, 1)) MiB
                    Peak memory: \(format(report.peakMemoryMiB, 0)) MiB
                    """
        }
    }

    /// The formats single badges are timed in.
    private static let formats: [(name: String, format: RenderFormat)] = [
        ("PDF", .pdf), ("ZPL, 203 dpi", .zpl), ("PNG preview, 150 dpi", .png(dpi: 150)),
    ]

    /// `references`' badges made one at a time per format, as the spooler makes one for a print job: signed, rendered
    /// and written to a file, with the printers' template. The first of each format is timed too: the station has
    /// prepared its printers' formats as it started, as serve does, and nothing else has been rendered (the desk's PNG
    /// preview is not prepared).
    private func singleBadges(_ station: Station, references: [String], in folder: URL) throws -> [SingleBadge] {
        let clock = ContinuousClock()
        return try Self.formats.map { name, format in
            let times = try references.map { reference in
                let job = PrintJob(key: UUID().uuidString, reference: reference, station: "bench", preferredQueue: nil, at: Date())
                let time = try clock.measure {
                    _ = try station.studio.makeBadge(
                        for: job, template: nil, format: format, to: folder.appendingPathComponent("single"), at: Date())
                }
                if ProcessInfo.processInfo.environment["LANYARD_BENCH_SHOW_EACH"] != nil {
                    FileHandle.standardError.write(Data("\(name)\t\(time.milliseconds)\t\(reference)\n".utf8))
                }
                return time
            }
            let latencies = Latencies(times)
            return SingleBadge(
                format: name, p50Milliseconds: latencies.percentile(0.5), p99Milliseconds: latencies.percentile(0.99),
                maxMilliseconds: latencies.max)
        }
    }

    /// The reportlab script's own time for `contents` as one PDF, or nil when python3-reportlab is not installed.
    private func reportlab(_ contents: [BadgeContent], in folder: URL) throws -> Duration? {
        guard FileManager.default.fileExists(atPath: "/usr/lib/python3/dist-packages/reportlab") else { return nil }
        let badges = folder.appendingPathComponent("reportlab-badges.tsv")
        try contents.map { content in
            ["familyName", "givenName", "organisation", "categoryName"].map { content.fields[$0] ?? "" } + [content.code]
        }.map { fields in
            fields.map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t")
        }.joined(separator: "\n").write(to: badges, atomically: true, encoding: .utf8)
        let run = try ChildProcess.run("/usr/bin/python3", [reportlab, badges.path, folder.appendingPathComponent("reportlab.pdf").path])
            .succeeded("reportlab")
        struct Answer: Decodable { let seconds: Double }
        let answer = try JSONDecoder().decode(Answer.self, from: Data(run.output.utf8))
        return .milliseconds(answer.seconds * 1000)
    }
}
