import Badges
import BadgeRendering
public import Foundation
import Roster
import RosterStore

/// Measures QR encoding and badge rendering on the sample conference, on one core.
public enum BadgeBenchmark {
    /// Times in milliseconds, memory in MiB.
    public struct Report: Codable, Sendable {
        public var qrEncodeMicrosecondsPerToken: Double
        public var pdfBadgesPerSecond: Double
        public var pngBadgesPerSecond: Double
        public var batchBadges: Int
        public var batchPDFMilliseconds: Double
        public var batchPDFMiB: Double
        public var peakMemoryMiB: Double
    }

    public static func run(in folder: URL, template: String = BadgeStudio.defaultTemplate) throws -> Report {
        try? FileManager.default.removeItem(at: folder)
        let data = DataFolder(path: folder.appendingPathComponent("data").path)
        let (database, _) = try DemoConference.prepare(in: data)
        let studio = BadgeStudio(desk: try BadgeDesk(database: database, keys: EventKeys(folder: data)), template: try BadgeStudio.template(named: template))
        let clock = ContinuousClock()
        let delegates = try database.delegates()

        let batch = folder.appendingPathComponent("batch.pdf")
        var outputs: [BadgeStudio.Output] = []
        let batchTime = try clock.measure { outputs = try studio.issueBatch(delegates, station: "bench", to: batch) }

        let tokens = outputs.map(\.token.text)
        let qrTime = try clock.measure { for token in tokens { _ = try QRSymbol(encoding: token) } }

        let categories = try database.categories()
        let contents = outputs.map { BadgeContent(delegate: $0.delegate, event: studio.desk.event, categories: categories, code: $0.token.text) }
        let renderer = BadgeRenderer(template: studio.template)
        let pdfTime = try clock.measure { _ = try renderer.renderPDF(contents, to: folder.appendingPathComponent("render.pdf")) }
        let pngCount = 100
        let pngTime = try clock.measure {
            for content in contents.prefix(pngCount) {
                try renderer.render(content, format: .png(dpi: 300), to: folder.appendingPathComponent("badge.png"))
            }
        }
        let size = (try FileManager.default.attributesOfItem(atPath: batch.path)[.size] as? Int) ?? 0
        return Report(
            qrEncodeMicrosecondsPerToken: seconds(qrTime) * 1e6 / Double(tokens.count),
            pdfBadgesPerSecond: Double(contents.count) / seconds(pdfTime),
            pngBadgesPerSecond: Double(pngCount) / seconds(pngTime),
            batchBadges: outputs.count, batchPDFMilliseconds: seconds(batchTime) * 1000,
            batchPDFMiB: Double(size) / 1_048_576, peakMemoryMiB: RosterBenchmark.peakMemoryMiB())
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
