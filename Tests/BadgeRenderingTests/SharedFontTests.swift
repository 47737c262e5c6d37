import BadgeRendering
import BadgeTemplates
import Dispatch
import Foundation
import Synchronization
import Testing

/// Every thread lays badges out with one font map (`FontMap`), and a station prepares its formats ahead
/// (`BadgeRenderer.prepare`).
@Suite struct SharedFontTests {
    static let contents = [
        BadgeContent(fields: ["name": "Ingrid Aasen", "organisation": "Kripos"], category: "DEL", code: "LY1:TEST"),
        BadgeContent(fields: ["name": "Наталля Бабарыка", "latinName": "Natallya Babaryka"], category: "DEL", code: "LY1:TEST"),
        BadgeContent(fields: ["name": "გიორგი ბერიძე", "latinName": "Giorgi Beridze"], category: "DEL", code: "LY1:TEST"),
        BadgeContent(fields: ["name": "Χριστίνα Χριστοδούλου", "latinName": "Christina Christodoulou"], category: "DEL", code: "LY1:TEST"),
    ]

    static func renderer() throws -> BadgeRenderer {
        BadgeRenderer(template: try BadgeTemplate(contentsOf: BadgeTemplates.url(named: "zebra-4x3")))
    }

    /// Each badge of `contents` as ZPL, rendered into `folder`.
    static func zpl(_ renderer: BadgeRenderer, _ content: BadgeContent, in folder: URL) throws -> Data {
        let url = folder.appendingPathComponent("\(UUID().uuidString).zpl")
        try renderer.render(content, format: .zpl, to: url)
        return try Data(contentsOf: url)
    }

    @Test func badgesRenderedOnSeveralThreadsAtOnceComeOutAsTheyDoOneAtATime() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fonts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let renderer = try Self.renderer()
        let alone = try Self.contents.map { try Self.zpl(renderer, $0, in: folder) }

        let together = Mutex<[Int: Data]>([:])
        DispatchQueue.concurrentPerform(iterations: 4 * Self.contents.count) { index in
            let data = try? Self.zpl(renderer, Self.contents[index % Self.contents.count], in: folder)
            together.withLock { $0[index] = data }
        }
        let rendered = together.withLock { $0 }
        for index in 0..<(4 * Self.contents.count) {
            #expect(rendered[index] == alone[index % Self.contents.count])
        }
    }

    @Test(arguments: [RenderFormat.zpl, .pdf, .png(dpi: 150)])
    func preparingAFormatChangesNoBadge(format: RenderFormat) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prepare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let renderer = try Self.renderer()
        let before = try Self.contents.map { try Self.zpl(renderer, $0, in: folder) }
        renderer.prepare(format)
        #expect(try Self.contents.map { try Self.zpl(renderer, $0, in: folder) } == before)
    }
}
