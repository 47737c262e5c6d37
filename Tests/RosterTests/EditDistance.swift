/// Optimal-string-alignment distance, specialised to the question search asks (is it at most one?), compared word by
/// word: the oracle the search vocabulary's typo lookup is checked against.
enum EditDistance {
    /// Whether `a` becomes `b` with at most one substitution, insertion, deletion or swap of neighbours.
    /// Compares bytes in place: search asks this of many words per query.
    static func isAtMostOne(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let shorter = min(a.count, b.count)
        guard abs(a.count - b.count) <= 1 else { return false }
        var i = 0
        while i < shorter, a[i] == b[i] { i += 1 }
        if i == shorter { return true }  // equal, or one letter added at the end
        func rest(_ x: UnsafeBufferPointer<UInt8>, from xi: Int, _ y: UnsafeBufferPointer<UInt8>, from yi: Int) -> Bool {
            x.count - xi == y.count - yi && (0..<(x.count - xi)).allSatisfy { x[xi + $0] == y[yi + $0] }
        }
        switch a.count - b.count {
        case 0:
            return rest(a, from: i + 1, b, from: i + 1)
                || (i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && rest(a, from: i + 2, b, from: i + 2))
        case 1: return rest(a, from: i + 1, b, from: i)
        default: return rest(a, from: i, b, from: i + 1)
        }
    }

    /// Whether `term` (four bytes or more) is at most one typo away from `word` or from its start, so that a name
    /// typed half-way with a slip still matches.
    static func isOneTypoAway(_ term: UnsafeBufferPointer<UInt8>, fromStartOf word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard term.count >= 4, word.count >= term.count - 1 else { return false }
        // What a slip leaves is four letters at least.
        for length in max(term.count - 1, 4)...(term.count + 1) where length <= word.count {
            if isAtMostOne(term, UnsafeBufferPointer(rebasing: word[0..<length])) { return true }
        }
        return false
    }
}
