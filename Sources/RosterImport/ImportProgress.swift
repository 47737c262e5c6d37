/// How far an import has come, for a progress line.
public struct ImportProgress: Sendable, Equatable {
    public enum Phase: String, Sendable {
        case reading, checking, writing
    }

    public let phase: Phase
    public let done: Int
    public let total: Int
}
