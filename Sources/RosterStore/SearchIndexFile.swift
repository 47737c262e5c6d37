import Foundation
import Roster

/// The search index kept beside the store, in a file of its own: written whole to a temporary file, flushed to the
/// disk and renamed into place, so that a reader finds a whole index or none; loaded part by part. Outside SQLite,
/// tens of megabytes are written once rather than twice (log, then checkpoint) with a flush each.
///
/// The file names the roster revision it indexes and a random key, which the store records once the file is on the
/// disk (``SearchIndexCache``): a file a crash cut short, one of another store, or one of an older roster is never
/// loaded.
struct SearchIndexFile: Sendable {
    let url: URL

    /// The file beside the store at `storeURL` (`roster.sqlite-search`, as SQLite names its own `-wal`).
    init(besideStoreAt storeURL: URL) {
        url = URL(fileURLWithPath: storeURL.path + "-search")
    }

    /// What a file starts with: its framing's name and version, the revision and the key.
    private static func header(revision: Int64, key: Int64) -> [UInt8] {
        Array("LYSF".utf8) + [UInt32(1).littleEndian, UInt32(0)].withUnsafeBytes { Array($0) }
            + [revision.littleEndian, key.littleEndian].withUnsafeBytes { Array($0) }
    }

    /// Writes `index`, made for roster `revision`, under `key`, into a temporary file flushed to the disk, for
    /// ``place(_:)`` to put in place or ``discard(_:)`` to remove. Temporary files an interrupted process left are
    /// removed first.
    /// - Throws: ``LanyardError`` `storeFailure` when the file cannot be written.
    func writeTemporary(_ index: SearchIndex, revision: Int64, key: Int64) throws -> String {
        removeLeftTemporaries()
        let temporary = folder.appendingPathComponent("\(temporaryPrefix)\(UUID().uuidString)").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("created") }
        defer { close(descriptor) }
        do {
            func put(_ bytes: UnsafeRawBufferPointer) throws {
                var offset = 0
                while offset < bytes.count {
                    let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    guard written > 0 || (written < 0 && errno == EINTR) else { throw failure("written") }
                    offset += max(written, 0)
                }
            }
            try Self.header(revision: revision, key: key).withUnsafeBytes(put)
            try index.forEachSerializedPart { part in
                try withUnsafeBytes(of: UInt64(part.count).littleEndian, put)
                try put(part)
            }
            guard fsync(descriptor) == 0 else { throw failure("written") }
            return temporary
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Puts the temporary file `temporary` in place of the index file.
    /// - Throws: ``LanyardError`` `storeFailure` when it cannot be put in place.
    func place(_ temporary: String) throws {
        guard rename(temporary, url.path) == 0 else { throw failure("put in place") }
    }

    /// Flushes the folder, so that the name of the file put in place is on the disk too; without it, a power cut
    /// may leave the file before, which the store's record then no longer names (and the index is built again).
    func flushFolder() {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Removes the temporary file `temporary`, which is not to be put in place.
    func discard(_ temporary: String) {
        unlink(temporary)
    }

    private var folder: URL { url.deletingLastPathComponent() }
    private var temporaryPrefix: String { ".\(url.lastPathComponent)-" }

    /// Removes temporary files older than a minute: those of a process stopped while it wrote one (a one-shot search
    /// interrupted once it has answered). A file that young may be another process's, still being written.
    private func removeLeftTemporaries() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(temporaryPrefix) {
            let path = folder.appendingPathComponent(name).path
            let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date
            if let modified, modified < Date(timeIntervalSinceNow: -60) { unlink(path) }
        }
    }

    /// The index stored for roster `revision` under `key`; nil when there is none, it is of another revision or
    /// key, or it cannot be read (it is then built again).
    func read(revision: Int64, key: Int64) -> SearchIndex? {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        let expected = Self.header(revision: revision, key: key)
        guard fstat(descriptor, &status) == 0, (try? Self.read(expected.count, from: descriptor)) == expected else { return nil }
        var remaining = Int(status.st_size) - expected.count
        return try? SearchIndex {
            guard remaining > 0 else { return nil }
            guard remaining >= 8 else { throw CutShort() }
            let length = UInt64(littleEndian: try Self.read(8, from: descriptor).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
            guard length <= remaining - 8 else { throw CutShort() }
            remaining -= 8 + Int(length)
            return try Self.read(Int(length), from: descriptor)
        }
    }

    /// A file ending inside a part: read as no index (built again), never as part of one.
    private struct CutShort: Error {}

    /// `count` bytes read from `descriptor` straight into an array.
    private static func read(_ count: Int, from descriptor: Int32) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialised in
            while initialised < count {
                let got = Foundation.read(descriptor, buffer.baseAddress! + initialised, count - initialised)
                guard got > 0 || (got < 0 && errno == EINTR) else { throw CutShort() }
                initialised += max(got, 0)
            }
        }
    }

    private func failure(_ what: String) -> LanyardError {
        LanyardError(
            .storeFailure, "The search index file \(url.lastPathComponent) cannot be \(what): \(String(cString: strerror(errno))).",
            remedy: "Check that the data folder \(folder.path) is writable and has room; meanwhile the index is built again when needed.")
    }
}
