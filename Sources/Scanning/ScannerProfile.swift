public import Foundation
import Roster
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

    /// Loads the profile named `name` from `folder`, or the profile file at path `name`.
    /// - Throws: ``LanyardError`` `notFound` or `invalidInput`.
    public static func load(_ name: String, from folder: URL) throws -> ScannerProfile {
        let url = FileManager.default.fileExists(atPath: name)
            ? URL(fileURLWithPath: name) : folder.appendingPathComponent(name + ".yaml")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw LanyardError(.notFound, "There is no scanner profile “\(name)” in \(folder.path).", remedy: "Name a file in Hardware/scanners.")
        }
        do {
            return try YAMLDecoder().decode(ScannerProfile.self, from: text)
        } catch {
            throw LanyardError(.invalidInput, "The scanner profile \(url.lastPathComponent) cannot be read: \(error).", cause: error)
        }
    }

    /// The framer this profile asks for.
    public var framer: ScanFramer {
        ScanFramer(suffix: suffix ?? .enter, characterTimeout: Double(characterTimeoutMilliseconds ?? 300) / 1000)
    }
}
