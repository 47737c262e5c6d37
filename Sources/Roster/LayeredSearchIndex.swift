/// A roster's ``SearchIndex`` with the delegates changed since it was made indexed in a small one beside it: a
/// walk-in or a name correction at a station holding 100,000 delegates is searchable at once, without building the
/// whole index again.
///
/// The changed delegates are left out of the large index's hits (it still holds their old names) and the small
/// index's hits are merged in, by score and then alphabetically, as one index orders them.
public struct LayeredSearchIndex: Sendable {
    /// The index of the whole roster as it was.
    public let base: SearchIndex
    /// The index of the delegates changed since, under the same ids.
    public let changes: SearchIndex
    /// The large index's documents of the delegates changed since.
    private let stale: Set<UInt32>

    /// `base` with `changes` over it: every id `changes` holds is searched there only.
    public init(base: SearchIndex, changes: SearchIndex? = nil) {
        self.base = base
        self.changes = changes ?? Self.noChanges
        stale = base.documents(of: self.changes.ids)
    }

    private static let noChanges = SearchIndex([])

    /// The documents matching `query`, best first, as ``SearchIndex/search(_:limit:)`` orders them.
    /// - Parameters:
    ///   - query: What the desk typed, folded.
    ///   - limit: How many hits to return at most.
    public func search(_ query: SearchQuery, limit: Int) -> [SearchIndex.Hit] {
        guard changes.count > 0 else { return base.search(query, limit: limit) }
        let old = base.search(query, limit: limit, excluding: stale)
        let new = changes.search(query, limit: limit)
        var merged: [SearchIndex.Hit] = []
        var (o, n) = (0, 0)
        while merged.count < limit, o < old.count || n < new.count {
            let takeNew =
                o == old.count
                || (n < new.count
                    && (new[n].score != old[o].score
                        ? new[n].score > old[o].score : changes.precedes(new[n].document, old[o].document, of: base)))
            if takeNew {
                merged.append(new[n])
                n += 1
            } else {
                merged.append(old[o])
                o += 1
            }
        }
        return merged
    }
}
