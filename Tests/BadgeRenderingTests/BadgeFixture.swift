import BadgeRendering
import Foundation
import Roster
import RosterImport
import RosterStore
import SampleConference
import Station

/// A data folder with the sample conference and its keys, for badge tests.
final class BadgeFixture: Sendable {
    let folder: DataFolder
    let desk: BadgeDesk

    init() throws {
        folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-badges-\(UUID().uuidString)").path)
        let (database, _) = try DemoConference.prepare(in: folder)
        desk = try BadgeDesk(database: database, keys: EventKeys(folder: folder))
    }

    deinit { try? FileManager.default.removeItem(at: folder.url) }

    func file(_ name: String) -> URL { folder.url.appendingPathComponent(name) }

    /// Reads the QR codes in an image with zbarimg (its D-Bus warning on stderr is ignored).
    static func decodeQR(in url: URL) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        process.arguments = ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", url.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Rasterises every page of `pdf` with pdftoppm, then reads each page's QR code with zbarimg, in page order.
    static func decodeQR(inPagesOf pdf: URL, dpi: Int) throws -> [String] {
        let folder = pdf.deletingLastPathComponent().appendingPathComponent("pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdftoppm = Process()
        pdftoppm.executableURL = URL(fileURLWithPath: "/usr/bin/pdftoppm")
        pdftoppm.arguments = ["-png", "-gray", "-r", "\(dpi)", pdf.path, folder.appendingPathComponent("p").path]
        try pdftoppm.run()
        pdftoppm.waitUntilExit()
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let zbarimg = Process()
        zbarimg.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        zbarimg.arguments = ["--raw", "-q", "-Sdisable", "-Sqrcode.enable"] + pages.map { folder.appendingPathComponent($0).path }
        let out = Pipe()
        zbarimg.standardOutput = out
        zbarimg.standardError = FileHandle.nullDevice
        try zbarimg.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        zbarimg.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Rasterises page `page` of a PDF with pdftoppm and returns the PNG.
    func rasterise(pdf: URL, page: Int, dpi: Int = 200) throws -> URL {
        let prefix = file("page-\(page)-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftoppm")
        process.arguments = ["-png", "-r", "\(dpi)", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf.path, prefix.path]
        try process.run()
        process.waitUntilExit()
        return prefix.appendingPathExtension("png")
    }
}
