public import Foundation
public import Roster

/// A durable journal of log entries a station has answered for (a door showed the verdict) but not yet written
/// into the store, because another process holds the store's write lock (a long import).
///
/// Each station process writes its own file in the data folder's `outbox/`, holding an exclusive `flock` on it, and
/// `fsync`s every append before the caller answers. Once every entry is in the store the file is emptied. A file
/// whose process died (its lock released) is written into the store by ``recover(in:into:)`` at the next start;
/// writing an entry twice changes nothing, so no entry is lost or counted twice.
public final class LogOutbox: @unchecked Sendable {
    // @unchecked: the descriptor is written and truncated while holding `lock`, and synced holding `syncLock`; the
    // counters are read and changed holding `lock`.
    public let url: URL
    private let descriptor: Int32
    private let lock = NSLock()
    /// One `fsync` at a time; those waiting behind it are often covered by it.
    private let syncLock = NSLock()
    /// Appends written, and how many of them an `fsync` has covered.
    private var appends = 0
    private var synced = 0

    /// Creates this process's outbox file in `folder`'s outbox.
    /// - Throws: ``LanyardError`` `storeFailure` when the file cannot be created.
    public init(folder: DataFolder, name: String) throws {
        try FileManager.default.createDirectory(at: folder.outboxURL, withIntermediateDirectories: true)
        let safeName = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }.prefix(40))
        url = folder.outboxURL.appendingPathComponent("\(safeName)-\(UUID().uuidString).jsonl")
        descriptor = open(url.path, O_CREAT | O_WRONLY | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0, flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            throw LanyardError(
                .storeFailure, "The outbox \(url.path) cannot be created: \(String(cString: strerror(errno))).",
                remedy: "Check that the data folder is writable.")
        }
    }

    deinit {
        var status = stat()
        let isEmpty = fstat(descriptor, &status) == 0 && status.st_size == 0
        if isEmpty { unlink(url.path) }
        close(descriptor)
    }

    /// Appends `entries` and waits until they are on disk.
    public func append(_ entries: [LogEntry]) throws {
        try sync(through: try write(entries))
    }

    /// Appends `entries` without waiting for the disk; ``sync(through:)`` with the number returned makes them
    /// durable. Callers that decide one at a time write in turn and sync after it, so one `fsync` covers the
    /// entries of every caller that wrote meanwhile.
    /// - Returns: How many appends the file has had, this one included.
    public func write(_ entries: [LogEntry]) throws -> Int {
        var bytes = Data()
        for entry in entries {
            bytes += try JSONEncoder().encode(entry)
            bytes.append(0x0A)
        }
        return try lock.withLock {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            guard written == bytes.count else { throw Self.failure(url, "written") }
            appends += 1
            return appends
        }
    }

    /// Waits until the first `count` appends are on disk: at once when an `fsync` since covered them.
    public func sync(through count: Int) throws {
        try syncLock.withLock {
            guard lock.withLock({ synced }) < count else { return }
            let target = lock.withLock { appends }
            guard fsync(descriptor) == 0 else { throw Self.failure(url, "written") }
            lock.withLock { synced = max(synced, target) }
        }
    }

    /// Empties the file: call only when every entry appended is in the store.
    public func clear() throws {
        try lock.withLock {
            guard ftruncate(descriptor, 0) == 0, fsync(descriptor) == 0 else { throw Self.failure(url, "emptied") }
        }
    }

    private static func failure(_ url: URL, _ what: String) -> LanyardError {
        LanyardError(
            .storeFailure, "The outbox \(url.lastPathComponent) cannot be \(what): \(String(cString: strerror(errno))).",
            remedy: "Check the disk; the scan was not recorded.")
    }

    /// Writes into `database` the entries left in outboxes of processes that ended before writing them, and
    /// removes those files. Outboxes of running processes (locked) are left alone.
    /// - Returns: How many entries were new to the store.
    @discardableResult
    public static func recover(in folder: DataFolder, into database: RosterDatabase) throws -> Int {
        let files = (try? FileManager.default.contentsOfDirectory(at: folder.outboxURL, includingPropertiesForKeys: nil)) ?? []
        var recovered = 0
        for file in files where file.pathExtension == "jsonl" {
            let descriptor = open(file.path, O_RDWR | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }
            let data = (try? Data(contentsOf: file)) ?? Data()
            // A line cut short by a crash was never answered for: its fsync did not return.
            let entries = data.split(separator: 0x0A).compactMap { try? JSONDecoder().decode(LogEntry.self, from: Data($0)) }
            recovered += try database.append(entries)
            unlink(file.path)
        }
        return recovered
    }
}
