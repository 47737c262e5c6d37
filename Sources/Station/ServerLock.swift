import Foundation
import Roster
public import RosterStore

/// Marks a data folder as held by a running station server: the lock is the server's while it lives (an
/// exclusive `flock` the kernel releases when the process ends), and the file says where the server listens. A
/// command run against the folder meanwhile leaves the printing to the server rather than printing twice.
public final class ServerLock: Sendable {
    private let descriptor: Int32

    /// Takes the folder's lock for this process.
    /// - Throws: ``LanyardError`` `conflict` when another server holds it.
    public init(folder: DataFolder, address: String) throws {
        let url = Self.url(folder)
        descriptor = open(url.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw LanyardError(.storeFailure, "The server lock \(url.path) cannot be created.", remedy: "Check the data folder's permissions.")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            let other = Self.holder(of: folder) ?? "another process"
            throw LanyardError(
                .conflict, "A station server already runs on this data folder (\(other)).", remedy: "Use that server, or stop it first.")
        }
        record(address)
    }

    /// Says where the server listens, once it knows (a port chosen by the system).
    public func record(_ address: String) {
        ftruncate(descriptor, 0)
        let text = "\(address)\n"
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    deinit {
        ftruncate(descriptor, 0)
        close(descriptor)
    }

    /// Where the server holding `folder` listens, or nil when no server holds it.
    public static func holder(of folder: DataFolder) -> String? {
        let url = url(folder)
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_SH | LOCK_NB) != 0 else {
            flock(descriptor, LOCK_UN)
            return nil
        }
        let address = (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        return address?.isEmpty == false ? address : "a running server"
    }

    private static func url(_ folder: DataFolder) -> URL {
        folder.url.appendingPathComponent("server.lock")
    }
}
