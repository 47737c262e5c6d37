public import Foundation
import Yams

/// A scanner model's settings, from `Hardware/scanners/*.yaml`: how it connects, its keyboard layout or baud rate,
/// and what ends its frames.
public struct ScannerProfile: Decodable, Sendable, Equatable {
    public enum Connection: String, Decodable, Sendable {
        case keyboardWedge = "keyboard-wedge"
        case serial
    }

    public var name: String
    public var connection: Connection
    /// The keyboard layout the scanner is programmed for (keyboard wedges).
    public var layout: KeyboardLayout?
    /// Serial speed (serial scanners).
    public var baud: Int?
    public var suffix: ScanFramer.Suffix?
    /// Milliseconds between characters after which a frame is abandoned.
    public var characterTimeoutMilliseconds: Int?

    /// Loads every profile (`*.yaml`) in `folder`; a missing folder has none.
    /// - Throws: ``ScannerError`` naming a profile that cannot be read.
    public static func all(in folder: URL) throws -> [ScannerProfile] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }
        return try files.sorted().map { try load(folder.appendingPathComponent($0)) }
    }

    /// Loads the profile file at `url`.
    /// - Throws: ``ScannerError`` when it cannot be read.
    public static func load(_ url: URL) throws -> ScannerProfile {
        do {
            return try YAMLDecoder().decode(ScannerProfile.self, from: String(contentsOf: url, encoding: .utf8))
        } catch {
            throw ScannerError(
                "The scanner profile \(url.lastPathComponent) cannot be read: \(error).",
                remedy: "Compare it with the profiles in Hardware/scanners.")
        }
    }

    /// The framer this profile asks for.
    public var framer: ScanFramer {
        ScanFramer(suffix: suffix ?? .enter, characterTimeout: Double(characterTimeoutMilliseconds ?? 300) / 1000)
    }
}
