import Foundation
import GRDB
import Roster

extension RosterDatabase {
    /// Delegates matching `text`, best first: any part of a name in any script or spelling, with one typo
    /// tolerated in words of five letters or more; a reference, email or organisation.
    ///
    /// Candidates come from the prefix index and the trigram index; ``SearchRanker`` orders them. Only when
    /// those give no match at all are candidates with a typo looked for.
    /// - Parameters:
    ///   - text: What the desk typed.
    ///   - limit: How many delegates to return at most.
    public func search(_ text: String, limit: Int = 10) throws -> [SearchHit] {
        let query = SearchQuery(text, folder: folder)
        guard !query.isEmpty, limit > 0 else { return [] }
        return try storeAccess {
            try writer.read { db in
                let ranker = SearchRanker()
                var candidates = try prefixCandidates(query, db).union(substringCandidates(query, db))
                var hits = try rank(candidates, query, ranker, allowingTypos: false, db)
                if hits.isEmpty, query.terms.contains(where: { $0[0].count >= 5 }) {
                    candidates.formUnion(try typoCandidates(query, db))
                    hits = try rank(candidates, query, ranker, allowingTypos: true, db)
                }
                let best = hits.prefix(limit)
                let records = try DelegateRecord.filter(keys: best.map(\.id)).fetchAll(db)
                let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.id!, $0.delegate) })
                return best.compactMap { hit in byID[hit.id].map { SearchHit(delegate: $0, score: hit.score) } }
            }
        }
    }

    private static var candidateLimit: Int { 250 }

    /// Delegates with a name word (or reference) starting with the most selective term.
    private func prefixCandidates(_ query: SearchQuery, _ db: Database) throws -> Set<Int64> {
        guard let term = query.mostSelectiveTerm else { return [] }
        var ids = Set<Int64>()
        for spelling in term {
            let rows = try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT delegateId FROM searchWord WHERE word >= ? AND word < ? LIMIT ?"),
                arguments: [spelling, spelling + "\u{10FFFF}", Self.candidateLimit])
            ids.formUnion(rows)
        }
        return ids
    }

    /// Delegates whose folded fields contain every term of three letters or more.
    private func substringCandidates(_ query: SearchQuery, _ db: Database) throws -> Set<Int64> {
        let searchable = query.terms.map { $0.filter { $0.count >= 3 } }.filter { !$0.isEmpty }
        guard !searchable.isEmpty else { return [] }
        let expression = searchable.map { spellings in
            "(" + spellings.map(Self.ftsPhrase).joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
        return try Set(Int64.fetchAll(
            db.cachedStatement(sql: "SELECT rowid FROM delegateSearch WHERE delegateSearch MATCH ? LIMIT ?"),
            arguments: [expression, Self.candidateLimit]))
    }

    /// Delegates sharing either half of a long term: one typo leaves one half intact.
    private func typoCandidates(_ query: SearchQuery, _ db: Database) throws -> Set<Int64> {
        var ids = Set<Int64>()
        for term in query.terms where term[0].count >= 5 && !term[0].contains(where: \.isNumber) {
            let word = term[0]
            let half = word.count / 2
            let halves = [String(word.prefix(max(3, half))), String(word.suffix(max(3, word.count - half)))]
            let expression = halves.map(Self.ftsPhrase).joined(separator: " OR ")
            ids.formUnion(try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT rowid FROM delegateSearch WHERE delegateSearch MATCH ? LIMIT ?"),
                arguments: [expression, Self.candidateLimit * 3]))
        }
        return ids
    }

    private func rank(
        _ ids: Set<Int64>, _ query: SearchQuery, _ ranker: SearchRanker, allowingTypos: Bool, _ db: Database
    ) throws -> [(id: Int64, score: Int, family: String)] {
        guard !ids.isEmpty else { return [] }
        let placeholders = databaseQuestionMarks(count: ids.count)
        let rows = try Row.fetchCursor(
            db, sql: "SELECT rowid, family, given, other FROM delegateSearch WHERE rowid IN (\(placeholders))",
            arguments: StatementArguments(Array(ids)))
        var hits: [(id: Int64, score: Int, family: String)] = []
        while let row = try rows.next() {
            let family: String = row[1]
            let other: String = row[3]
            let document = SearchDocument(
                reference: String(Substring(other.utf8.prefix { $0 != 0x20 })), familyWords: Self.words(family),
                givenWords: Self.words(row[2]), otherWords: Self.words(other))
            if let score = ranker.score(query, document, allowingTypos: allowingTypos) {
                hits.append((row[0], score, family))
            }
        }
        return hits.sorted { ($1.score, $0.family, $0.id) < ($0.score, $1.family, $1.id) }
    }

    /// The space-separated words of an index column, split on bytes (no grapheme breaking: this runs per candidate).
    private static func words(_ text: String) -> [String] {
        text.utf8.split(separator: 0x20).map { String(Substring($0)) }
    }

    private static func ftsPhrase(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
