public import Foundation

/// Reads QR codes back from what Lanyard rendered, with the real tools: `zbarimg` for images (its D-Bus warning
/// on stderr is ignored), `pdftoppm` to rasterise PDFs first.
public enum QRReader {
    /// The QR codes in an image file (PNG, PBM …), one per symbol found.
    public static func codes(inImage url: URL) throws -> [String] {
        try codes(inImages: [url])
    }

    /// The QR codes in several images, in order, read by one zbarimg process.
    public static func codes(inImages urls: [URL]) throws -> [String] {
        try TestTool.run("/usr/bin/zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable"] + urls.map(\.path))
            .split(separator: "\n").map(String.init)
    }

    /// The QR codes on the pages of `pdf` (all pages, or one), rasterised at `dpi`.
    public static func codes(inPDF pdf: URL, page: Int? = nil, dpi: Int = 200) throws -> [String] {
        let folder = pdf.deletingLastPathComponent().appendingPathComponent("pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = page.map { ["-f", "\($0)", "-l", "\($0)"] } ?? []
        try TestTool.run("/usr/bin/pdftoppm", ["-png", "-gray", "-r", "\(dpi)"] + pages + [pdf.path, folder.appendingPathComponent("p").path])
        let images = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0) }
        return try codes(inImages: images)
    }
}
