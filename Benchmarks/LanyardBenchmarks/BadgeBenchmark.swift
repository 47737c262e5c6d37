import ArgumentParser
import BadgeRendering
import Foundation
import Logging
import Roster
import RosterStore
import SampleConference
import Station

/// `lanyard-bench badges`: QR encoding and badge rendering on the sample conference, on one core.
struct BadgesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "badges", abstract: "QR encoding and badge rendering on the sample conference.")

    @Option(help: "Scratch folder (emptied).") var scratch = "bench-out/badges"
    @Option(help: "Badge template.") var template = BadgeStudio.defaultTemplate
    @Flag(help: "Answer in JSON.") var json = false

    struct Report: Codable {
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
        let configuration = StationConfiguration(data: DataFolder(path: folder.appendingPathComponent("data").path), name: "bench")
        let (station, _) = try await DemoConference.open(configuration, logger: Logger(label: "bench"))
        let clock = ContinuousClock()

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
        let report = Report(
            qrEncodeMicrosecondsPerToken: qrTime.milliseconds * 1000 / Double(max(1, badges.count)),
            pdfBadgesPerSecond: Double(contents.count) / (pdfTime.milliseconds / 1000),
            pngBadgesPerSecond: Double(pngCount) / (pngTime.milliseconds / 1000),
            batchBadges: badges.count, batchPDFMilliseconds: batchTime.milliseconds, batchPDFMiB: Double(size) / 1_048_576,
            peakMemoryMiB: peakMemoryMiB())
        try BenchmarkOutput(json: json).report(report) {
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
