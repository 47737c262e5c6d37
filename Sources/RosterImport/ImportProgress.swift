/// How far an import has come, for a progress line.
public struct ImportProgress: Sendable, Equatable {
    public enum Phase: String, Sendable {
        /// Reading and parsing the file.
        case reading
        /// Checking rows and writing them to the store (the two overlap).
        case importing
    }

    public let phase: Phase
    public let done: Int
    public let total: Int
}
