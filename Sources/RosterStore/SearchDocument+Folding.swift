import Roster

extension SearchDocument {
    /// Folds `delegates` on every core: transliteration is most of the cost of importing a large roster.
    static func folding(_ delegates: [Delegate], with folder: NameFolder) -> [SearchDocument] {
        delegates.concurrentMap(chunkSize: 2_000) { SearchDocument($0, folder: folder) }
    }
}
