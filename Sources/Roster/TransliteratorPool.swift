import Synchronization

/// ICU transliterators for every thread that romanises names at once: each borrower gets transliterators of its
/// own, opened as it asks for them and kept for the next borrower, so that opening one (up to a few milliseconds)
/// happens once per borrower at a time rather than once per word.
final class TransliteratorPool: Sendable {
    /// The process's pool: search's folding and the badge's Latin line romanise with the same ICU.
    static let shared = TransliteratorPool()

    /// The transliterators one borrower holds, by ID.
    final class Transliterators: @unchecked Sendable {
        private var opened: [String: ICUTransliterator?] = [:]

        /// `text` through the transliterator `id` (ICU's, or ``PassportRomanisation``); nil when ICU has none by that ID
        /// or fails.
        func transliterate(_ text: String, with id: String) -> String? {
            if let known = opened[id] { return known?.transliterate(text) }
            let transliterator =
                id == PassportRomanisation.id
                ? ICUTransliterator(id: id, rules: PassportRomanisation.rules) : ICUTransliterator(id: id)
            opened[id] = .some(transliterator)
            return transliterator?.transliterate(text)
        }
    }

    private let idle = Mutex<[Transliterators]>([])

    /// Runs `body` with transliterators no other thread holds meanwhile.
    func withTransliterators<Result>(_ body: (Transliterators) -> Result) -> Result {
        let borrowed = idle.withLock { $0.popLast() } ?? Transliterators()
        defer { idle.withLock { $0.append(borrowed) } }
        return body(borrowed)
    }
}
