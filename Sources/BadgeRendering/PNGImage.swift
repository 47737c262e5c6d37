internal import CPangoCairo
import Foundation
import Roster

/// A PNG file loaded into a Cairo image surface, owned here and destroyed in `deinit`.
final class PNGImage {
    let surface: OpaquePointer
    let width: Double
    let height: Double

    /// - Throws: ``LanyardError`` `templateError` when the file cannot be read as PNG.
    init(contentsOf url: URL, template: String) throws {
        guard let surface = cairo_image_surface_create_from_png(url.path), cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw LanyardError(.templateError, "The image \(url.lastPathComponent) of the badge template \(template) cannot be read as PNG.")
        }
        self.surface = surface
        width = Double(cairo_image_surface_get_width(surface))
        height = Double(cairo_image_surface_get_height(surface))
    }

    deinit {
        cairo_surface_destroy(surface)
    }
}
