internal import CQRencode
import Foundation
import Roster

/// A QR symbol encoded by libqrencode: a square of dark and light modules.
///
/// Owns the `QRcode` libqrencode returns and frees it; the modules are copied out, so nothing escapes.
public final class QRSymbol: Sendable {
    /// Modules per side, without the quiet zone.
    public let width: Int
    /// The QR version (1…40) libqrencode chose.
    public let version: Int
    private let modules: [Bool]

    /// Encodes `text` at error-correction level M, choosing the smallest version; upper-case letters, digits and
    /// ` $%*+-./:` go in the compact alphanumeric mode.
    /// - Throws: ``LanyardError`` `renderFailure` when libqrencode cannot encode it.
    public init(encoding text: String) throws {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            throw LanyardError(.renderFailure, "The QR code for a badge could not be encoded (\(String(cString: strerror(errno)))).")
        }
        defer { QRcode_free(code) }
        width = Int(code.pointee.width)
        version = Int(code.pointee.version)
        modules = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
    }

    /// Whether the module at (`x`, `y`) is dark.
    public func isDark(x: Int, y: Int) -> Bool {
        modules[y * width + x]
    }
}
