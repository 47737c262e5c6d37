#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel to read a file into its page cache in the background (`posix_fadvise` `WILLNEED`): a station
/// loading its search index then finds the delegates its searches show already in memory, rather than reading them
/// from disk one page per search while it starts.
enum FileReadAhead {
    /// Advises reading `path` ahead; a file that cannot be opened (an in-memory store) is left alone.
    static func advise(_ path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return }
        _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_WILLNEED))
        close(descriptor)
    }
}
