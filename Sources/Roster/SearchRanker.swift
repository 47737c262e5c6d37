/// Scores how well a document of a ``SearchIndex`` matches a query; higher is better, nil is no match.
///
/// Every typed word must match something. A word matching a whole name word beats one matching its start, which
/// beats a whole name one typo away, which beats one matching inside it, which beats a name whose start is one typo
/// away. Name matches count more than organisation or email matches, and family names a little more than given names;
/// a reference typed in full beats everything.
struct SearchRanker {
    let index: SearchIndex

    /// The score of document `document` for the typed words' `matches`, or nil when one of them matches nothing.
    func score(_ document: Int, _ matches: [SearchTermMatches]) -> Int? {
        let words = index.documentWords[Int(index.documentStarts[document])..<Int(index.documentStarts[document + 1])]
        var total = 0
        for term in matches {
            if term.isExactly(Int(index.references[document])) {
                total += 1000
                continue
            }
            // The cheap checks first: a slip or a word inside another never beats a name's whole word or its start.
            var best = 0
            for tagged in words {
                let (word, field) = SearchField.untag(tagged)
                if let kind = term.wholeOrStart(word) { best = max(best, Self.score(kind, field)) }
            }
            if best < Self.wholeNameWithSlip(.family) {
                for tagged in words {
                    let (word, field) = SearchField.untag(tagged)
                    // A whole name one slip away (Jnes, Jones; sone, Stone) before a word holding what was typed
                    // (Carosone), which comes before a longer name whose start is one slip away (Jonesco).
                    if field != .other, let typo = term.oneTypoAway(word) {
                        best = max(best, typo == .wholeWord ? Self.wholeNameWithSlip(field) : Self.score(.typo, field))
                    }
                }
            }
            if best < Self.score(.substring, .family) {
                for tagged in words {
                    let (word, field) = SearchField.untag(tagged)
                    if term.isInside(word) { best = max(best, Self.score(.substring, field)) }
                }
            }
            guard best > 0 else { return nil }
            total += best
        }
        return total
    }

    /// The least a typed word scores when it matches the start of a name word: a document scoring that for every typed
    /// word cannot be beaten by one that needs a slip.
    static let nameStart = score(.prefix, .given)

    /// What a name word one slip away from the typed word scores, whole (`Jones` for `jnes`): above a word merely
    /// holding what was typed, below one starting with it.
    private static func wholeNameWithSlip(_ field: SearchField) -> Int {
        score(.substring, field) + 3
    }

    private static func score(_ kind: SearchTermMatches.Kind, _ field: SearchField) -> Int {
        switch (field, kind) {
        case (.other, .exact): 30
        case (.other, .prefix): 20
        case (.other, _): 10
        case (_, .exact): field == .family ? 105 : 100
        case (_, .prefix): field == .family ? 75 : 70
        case (_, .substring): field == .family ? 45 : 40
        case (_, .typo): field == .family ? 25 : 20
        }
    }
}
