internal import CPangoCairo
public import Foundation

/// A PNG read back with Cairo, for measuring where ink fell on a rendered badge.
public final class RasterImage {
    public let width: Int
    public let height: Int
    private var luminance: [UInt8]

    /// - Throws: ``TestTool/Failure`` when the file is not a readable PNG.
    public init(contentsOf url: URL) throws {
        guard let surface = cairo_image_surface_create_from_png(url.path), cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw TestTool.Failure(description: "\(url.path) is not a readable PNG")
        }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        luminance = [UInt8](repeating: 255, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let pixel = data.advanced(by: y * stride + x * 4).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee }
                let r = Double((pixel >> 16) & 0xFF), g = Double((pixel >> 8) & 0xFF), b = Double(pixel & 0xFF)
                luminance[y * width + x] = UInt8(min(255, 0.2126 * r + 0.7152 * g + 0.0722 * b))
            }
        }
    }

    /// The smallest rectangle (in pixels) holding every pixel darker than `threshold`, or nil on a blank image.
    public func inkBounds(threshold: UInt8 = 200) -> (minX: Int, minY: Int, maxX: Int, maxY: Int)? {
        var bounds: (minX: Int, minY: Int, maxX: Int, maxY: Int)?
        for y in 0..<height {
            for x in 0..<width where luminance[y * width + x] < threshold {
                if let current = bounds {
                    bounds = (min(current.minX, x), min(current.minY, y), max(current.maxX, x), max(current.maxY, y))
                } else {
                    bounds = (x, y, x, y)
                }
            }
        }
        return bounds
    }
}
