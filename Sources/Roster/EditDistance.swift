/// Optimal-string-alignment distance, specialised to the question search asks: is it at most one?
enum EditDistance {
    /// Whether `a` becomes `b` with at most one substitution, insertion, deletion or swap of neighbours.
    static func isAtMostOne(_ a: [UInt8], _ b: ArraySlice<UInt8>) -> Bool {
        let b = Array(b)
        if a == b { return true }
        switch a.count - b.count {
        case 0:
            let differences = zip(a, b).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
            if differences.count == 1 { return true }
            if differences.count == 2, differences[1] == differences[0] + 1 {
                let i = differences[0]
                return a[i] == b[i + 1] && a[i + 1] == b[i]
            }
            return false
        case 1: return isOneDeletion(from: a, giving: b)
        case -1: return isOneDeletion(from: b, giving: a)
        default: return false
        }
    }

    private static func isOneDeletion(from longer: [UInt8], giving shorter: [UInt8]) -> Bool {
        var i = 0
        while i < shorter.count, longer[i] == shorter[i] { i += 1 }
        return longer[(i + 1)...].elementsEqual(shorter[i...])
    }
}
