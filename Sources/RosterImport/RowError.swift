/// Why one row cannot be imported, as the end of a sentence ("… because it has no reference").
struct RowError: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
