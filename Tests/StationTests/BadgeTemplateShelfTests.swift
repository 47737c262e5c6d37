import BadgeRendering
import BadgeTemplates
import Foundation
import Station
import Testing

@Suite struct BadgeTemplateShelfTests {
    /// A copy of the shipped 4 x 3 in template with `dpi` (three digits, so that the size stays) in place of its 203,
    /// written as a new file when `atomically`, in place otherwise.
    static func write(dpi: Int, to url: URL, atomically: Bool = true) throws {
        let shipped = try String(contentsOf: BadgeTemplates.url(named: "zebra-4x3"), encoding: .utf8)
        try shipped.replacingOccurrences(of: "dpi: 203", with: "dpi: \(dpi)").write(to: url, atomically: atomically, encoding: .utf8)
    }

    @Test func aTemplateEditedDuringTheEventIsReadAgainForTheNextBadge() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shelf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("desk.yaml")
        let shelf = BadgeTemplateShelf()

        try Self.write(dpi: 203, to: url)
        #expect(try shelf.template(at: url).dpi == 203)
        #expect(try shelf.template(at: url).dpi == 203)
        try Self.write(dpi: 300, to: url)
        #expect(try shelf.template(at: url).dpi == 300)
    }

    @Test func aTemplateEditedInPlaceToTheSameSizeIsReadAgainByItsModificationDate() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shelf-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        let shelf = BadgeTemplateShelf()
        try Self.write(dpi: 203, to: url)
        #expect(try shelf.template(at: url).dpi == 203)
        let inode = try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int

        try Self.write(dpi: 300, to: url, atomically: false)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(10)], ofItemAtPath: url.path)
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int == inode)
        #expect(try shelf.template(at: url).dpi == 300)
    }

    @Test func aTemplateFileRemovedIsNoLongerServedFromWhatWasRead() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shelf-\(UUID().uuidString).yaml")
        let shelf = BadgeTemplateShelf()
        try Self.write(dpi: 203, to: url)
        _ = try shelf.template(at: url)
        try FileManager.default.removeItem(at: url)
        #expect(throws: (any Error).self) { try shelf.template(at: url) }
    }
}
