public import Foundation
public import Roster

/// The folder holding one station's data: the store, the event's signing key, rendered output.
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

    /// Rendered badges waiting for, or sent to, a printer.
    public var spoolURL: URL { url.appendingPathComponent("spool", isDirectory: true) }

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
                remedy: "Choose another folder with --data.", cause: error)
        }
    }
}
