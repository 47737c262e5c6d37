public import Foundation
import Roster

/// The folder holding one station's data: the store, the event's keys, its configuration, rendered output.
public struct DataFolder: Sendable, Equatable {
    public let url: URL

    /// - Parameter path: The folder, from `--data`, `LANYARD_DATA` or the default `./lanyard-data`.
    public init(path: String) {
        self.url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }

    /// The SQLite store.
    public var rosterURL: URL { url.appendingPathComponent("roster.sqlite") }
    /// The event's private signing key (owner-only).
    public var signingKeyURL: URL { url.appendingPathComponent("event-signing.key") }
    /// The event's public key, all a door needs to verify badges.
    public var publicKeyURL: URL { url.appendingPathComponent("event-public.key") }
    /// The station's own configuration (name, printers, doors, scanner).
    public var configurationURL: URL { url.appendingPathComponent("station.yaml") }
    /// Rendered badges waiting for, or sent to, a printer.
    public var spoolURL: URL { url.appendingPathComponent("spool", isDirectory: true) }
    /// Scans recorded durably while the store was locked, waiting to be written into it (``LogOutbox``).
    public var outboxURL: URL { url.appendingPathComponent("outbox", isDirectory: true) }

    /// Whether the folder already holds a store.
    public var exists: Bool { FileManager.default.fileExists(atPath: rosterURL.path) }

    /// Creates the folder, readable by its owner only, if it does not exist.
    public func create() throws {
        do {
            try FileManager.default.createDirectory(
                at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw LanyardError(
                .storeFailure, "The data folder \(url.path) cannot be created: \(error.localizedDescription)",
                remedy: "Choose another data folder, or check the permissions of its parent.", cause: error)
        }
    }
}
