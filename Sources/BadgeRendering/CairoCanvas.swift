internal import CPangoCairo
import Foundation
import Roster

/// A Cairo surface and its drawing context, in millimetres: a PDF (vector, fonts embedded) or an RGB image.
///
/// Owns both C objects and destroys them in `deinit`; the context is lent out only inside ``draw(_:)``.
final class CairoCanvas {
    private let surface: OpaquePointer
    private let context: OpaquePointer
    /// Device units per millimetre.
    let scale: Double
    /// Whether the canvas is pixels (an image) rather than vectors (a PDF).
    let isRaster: Bool

    /// A PDF document at `url`, one page per ``showPage()``, each `width` × `height` mm.
    convenience init(pdfAt url: URL, width: Double, height: Double) throws {
        let points = 72 / 25.4
        guard let surface = cairo_pdf_surface_create(url.path, width * points, height * points) else {
            throw LanyardError(.renderFailure, "Cairo cannot create \(url.path).")
        }
        try self.init(surface: surface, scale: points, isRaster: false, what: url.path)
    }

    /// A PDF whose bytes are thrown away as Cairo writes them: for preparing fonts, with no file at all.
    convenience init(discardedPDFWidth width: Double, height: Double) throws {
        let points = 72 / 25.4
        guard let surface = cairo_pdf_surface_create_for_stream({ _, _, _ in CAIRO_STATUS_SUCCESS }, nil, width * points, height * points)
        else { throw LanyardError(.renderFailure, "Cairo cannot create a PDF.") }
        try self.init(surface: surface, scale: points, isRaster: false, what: "a PDF")
    }

    /// An image `width` × `height` mm at `dpi`, on white.
    convenience init(imageWidth width: Double, height: Double, dpi: Int) throws {
        let scale = Double(dpi) / 25.4
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32((width * scale).rounded()), Int32((height * scale).rounded()))!
        try self.init(surface: surface, scale: scale, isRaster: true, what: "an image")
        draw { cr in
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
        }
    }

    private init(surface: OpaquePointer, scale: Double, isRaster: Bool, what: String) throws {
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            let reason = String(cString: cairo_status_to_string(cairo_surface_status(surface)))
            cairo_surface_destroy(surface)
            throw LanyardError(.renderFailure, "Cairo cannot draw \(what): \(reason).")
        }
        self.surface = surface
        self.context = context
        self.scale = scale
        self.isRaster = isRaster
        cairo_scale(context, scale, scale)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Lends the context to `body`, restoring its state afterwards.
    func draw<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        cairo_save(context)
        defer { cairo_restore(context) }
        return try body(context)
    }

    /// Ends a PDF page and starts the next.
    func showPage() {
        cairo_show_page(context)
    }

    /// Completes the document (PDF) and reports any error Cairo met.
    func finish() throws {
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw LanyardError(.renderFailure, "Cairo could not finish the document: \(String(cString: cairo_status_to_string(status))).")
        }
    }

    /// Writes an image canvas as PNG.
    func writePNG(to url: URL) throws {
        cairo_surface_flush(surface)
        let status = cairo_surface_write_to_png(surface, url.path)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw LanyardError(.renderFailure, "The PNG \(url.path) cannot be written: \(String(cString: cairo_status_to_string(status))).")
        }
    }

    /// An image canvas as one-bit rows for one-bit printers, packed eight pixels to a byte, leftmost in the high bit
    /// (1 is dark: luminance under half, in integer weights of Rec. 709's).
    func oneBitRows() -> OneBitImage {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = UnsafeRawPointer(cairo_image_surface_get_data(surface)!)
        let bytesPerRow = (width + 7) / 8
        var bits = [UInt8](repeating: 0, count: bytesPerRow * height)
        bits.withUnsafeMutableBufferPointer { bits in
            for y in 0..<height {
                let row = data.advanced(by: y * stride)
                for x in 0..<width {
                    let pixel = row.loadUnaligned(fromByteOffset: x * 4, as: UInt32.self)
                    let luminance = 54 * ((pixel >> 16) & 0xFF) + 183 * ((pixel >> 8) & 0xFF) + 19 * (pixel & 0xFF)
                    if luminance < 128 * 256 { bits[y * bytesPerRow + x / 8] |= 0x80 >> UInt8(x % 8) }
                }
            }
        }
        return OneBitImage(width: width, height: height, bytesPerRow: bytesPerRow, bits: bits)
    }
}
