import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map(transform)` on every core, in chunks of `chunkSize`, keeping the order: for folding or splitting the
    /// spellings of a whole roster.
    func concurrentMap<T: Sendable>(chunkSize: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        let chunks = (count + chunkSize - 1) / chunkSize
        let parts = Mutex<[Int: [T]]>([:])
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            let part = self[(index * chunkSize)..<Swift.min(count, (index + 1) * chunkSize)].map(transform)
            parts.withLock { $0[index] = part }
        }
        return parts.withLock { parts in (0..<chunks).flatMap { parts[$0]! } }
    }
}
