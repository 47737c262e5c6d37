import Dispatch
import Roster
import Synchronization

extension SearchDocument {
    /// Folds `delegates` on every core: transliteration is most of the cost of importing a large roster.
    static func folding(_ delegates: [Delegate], with folder: NameFolder) -> [SearchDocument] {
        let chunk = 2_000
        let chunks = (delegates.count + chunk - 1) / chunk
        let folded = Mutex<[Int: [SearchDocument]]>([:])
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            let documents = delegates[(index * chunk)..<min(delegates.count, (index + 1) * chunk)].map {
                SearchDocument($0, folder: folder)
            }
            folded.withLock { $0[index] = documents }
        }
        return folded.withLock { parts in (0..<chunks).flatMap { parts[$0]! } }
    }
}
