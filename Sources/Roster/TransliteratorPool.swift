import Synchronization

/// ICU transliterators for every thread that folds names at once: each borrower gets a set of its own, opened as
/// it asks for them and kept for the next borrower, so that opening one (up to a few milliseconds) happens once per
/// set rather than once per word.
final class TransliteratorPool: Sendable {
    /// The transliterators one borrower holds, by ID.
    final class Set: @unchecked Sendable {
        private var opened: [String: ICUTransliterator?] = [:]

        /// `text` through the transliterator `id`; nil when ICU has none by that ID or fails.
        func transliterate(_ text: String, with id: String) -> String? {
            if let known = opened[id] { return known?.transliterate(text) }
            let transliterator = ICUTransliterator(id: id)
            opened[id] = .some(transliterator)
            return transliterator?.transliterate(text)
        }
    }

    private let idle = Mutex<[Set]>([])

    /// Runs `body` with a set no other thread holds meanwhile.
    func withSet<Result>(_ body: (Set) -> Result) -> Result {
        let set = idle.withLock { $0.popLast() } ?? Set()
        defer { idle.withLock { $0.append(set) } }
        return body(set)
    }
}
