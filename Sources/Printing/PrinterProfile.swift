public import Foundation
import Roster
import Yams

/// A label printer model's settings, from `Hardware/printers/*.yaml`: the badge template for its stock, its
/// resolution, the document it takes (PDF through a CUPS driver, or raw ZPL), and the CUPS options and media.
public struct PrinterProfile: Decodable, Sendable, Equatable {
    public enum Format: String, Decodable, Sendable {
        case pdf, zpl
    }

    /// How the printer can be asked directly whether a badge printed.
    public enum StatusQuery: String, Decodable, Sendable {
        /// Zebra's `~HS` over the raw port (``ZebraStatusProbe``).
        case zebraHostStatus = "zebra-host-status"
    }

    public var name: String
    public var description: String?
    public var template: String
    public var dpi: Int
    public var format: Format
    public var media: String?
    /// CUPS job options (`media`, `print-quality` …).
    public var options: [String: String]?
    /// The `lpadmin -m` model the queue is created with.
    public var model: String
    /// Set for printers that can be asked directly after each job; without it CUPS's word is final.
    public var status: StatusQuery?

    /// The job options to send: the profile's, with its media.
    public var jobOptions: [String: String] {
        var options = self.options ?? [:]
        if let media { options["media"] = media }
        return options
    }

    /// Loads every profile in `folder`.
    public static func all(in folder: URL) throws -> [PrinterProfile] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        return try files.map { file in
            do {
                return try YAMLDecoder().decode(
                    PrinterProfile.self, from: String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
            } catch {
                throw LanyardError(.invalidInput, "The printer profile \(file) cannot be read: \(error).", cause: error)
            }
        }
    }
}
