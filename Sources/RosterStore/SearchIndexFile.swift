import Foundation
import Roster

/// The search index kept beside the store, in a file of its own: written whole to a temporary file, flushed to the
/// disk and renamed into place, so that a reader finds a whole index or none; loaded by reading its parts straight
/// into the index's arrays. Outside SQLite, tens of megabytes are written once rather than twice (log, then
/// checkpoint) with a flush each.
///
/// The file names the roster revision it indexes and a random key, which the store records only once the file is
/// on the disk (``SearchIndexCache``): a file a crash cut short, one of another store, or one of an older roster is
/// never loaded.
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

    /// Writes `index`, made for roster `revision`, under `key`, replacing the file only once the new one is whole on
    /// the disk.
    /// - Throws: ``LanyardError`` `storeFailure` when the file cannot be written.
    func write(_ index: SearchIndex, revision: Int64, key: Int64) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent)-\(UUID().uuidString)").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("created") }
        var placed = false
        defer {
            close(descriptor)
            if !placed { unlink(temporary) }
        }
        func put(_ bytes: UnsafeRawBufferPointer) throws {
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                guard written > 0 else { throw failure("written") }
                offset += written
            }
        }
        try Self.header(revision: revision, key: key).withUnsafeBytes(put)
        try index.forEachSerializedPart { part in
            try withUnsafeBytes(of: UInt64(part.count).littleEndian, put)
            try put(part)
        }
        guard fsync(descriptor) == 0 else { throw failure("written") }
        guard rename(temporary, url.path) == 0 else { throw failure("put in place") }
        placed = true
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
                guard got > 0 else { throw CutShort() }
                initialised += got
            }
        }
    }

    private func failure(_ what: String) -> LanyardError {
        LanyardError(
            .storeFailure, "The search index file \(url.lastPathComponent) cannot be \(what): \(String(cString: strerror(errno))).",
            remedy: "Check the disk; the index is built again when it is next needed.")
    }
}
