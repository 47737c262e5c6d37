internal import CPangoCairo
import Foundation

/// The one Pango font map every badge and report of the process is laid out with, lent to one thread at a time.
///
/// Pango's default font map is one per thread, so each thread that rendered found the fonts again, sorted each
/// script's fallback fonts again and drew its glyphs again: the first badges a thread rendered took up to 50 ms, and
/// preparing the fonts on one thread helped no other. Pango's objects are not for two threads at once, hence the
/// lock: a badge's texts are laid out and painted one badge at a time (a few milliseconds; its QR code and images
/// are planned before), a report one page at a time. Not re-entrant: nothing inside may take it again.
final class FontMap: @unchecked Sendable {
    /// The process's font map.
    static let shared = FontMap()

    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let lock = NSLock()

    private init() {
        fontMap = pango_cairo_font_map_new()
    }

    /// Runs `body` with the font map, no other thread using it meanwhile; nothing made from it may outlive `body`.
    func withFontMap<T>(_ body: (UnsafeMutablePointer<PangoFontMap>) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(fontMap)
    }
}
