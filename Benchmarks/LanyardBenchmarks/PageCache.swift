import Foundation

/// Drops files from the kernel's page cache, so that a timed run reads them from disk as a station just started does.
/// `POSIX_FADV_DONTNEED` needs no privilege (dropping every cache through `/proc/sys/vm/drop_caches` needs root, and
/// this machine's container refuses it); the files are synced first, since dirty pages stay.
enum PageCache {
    /// Drops `url` (a file, or every file in a folder) from the page cache.
    static func evict(_ url: URL) {
        let files =
            (FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []) + [url]
        for file in files {
            let descriptor = open(file.path, O_RDONLY)
            guard descriptor >= 0 else { continue }
            fsync(descriptor)
            posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_DONTNEED))
            close(descriptor)
        }
    }
}
