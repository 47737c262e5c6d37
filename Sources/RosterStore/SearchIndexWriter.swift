import GRDB
import Roster

/// Keeps the two search indexes (trigram FTS5 for substrings, `searchWord` for prefixes) in step with delegates.
struct SearchIndexWriter {
    let db: Database
    let folder: NameFolder

    func add(_ delegate: Delegate, id: Int64) throws {
        let document = SearchDocument(delegate, folder: folder)
        try db.cachedStatement(sql: "INSERT INTO delegateSearch(rowid, family, given, other) VALUES (?, ?, ?, ?)")
            .execute(arguments: [
                id, document.familyWords.joined(separator: " "), document.givenWords.joined(separator: " "),
                document.otherWords.joined(separator: " "),
            ])
        let insertWord = try db.cachedStatement(sql: "INSERT OR IGNORE INTO searchWord(word, delegateId) VALUES (?, ?)")
        for word in Self.prefixWords(of: document) {
            try insertWord.execute(arguments: [word, id])
        }
    }

    func replace(_ old: Delegate, with new: Delegate, id: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM delegateSearch WHERE rowid = ?").execute(arguments: [id])
        let deleteWord = try db.cachedStatement(sql: "DELETE FROM searchWord WHERE word = ? AND delegateId = ?")
        for word in Self.prefixWords(of: SearchDocument(old, folder: folder)) {
            try deleteWord.execute(arguments: [word, id])
        }
        try add(new, id: id)
    }

    /// The words a prefix typed at the desk is looked up among: every spelling of every name word, and the reference.
    static func prefixWords(of document: SearchDocument) -> Set<String> {
        Set(document.familyWords + document.givenWords + [document.reference.lowercased()])
    }
}
