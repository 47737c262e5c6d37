public import Roster

/// A log entry and where it sits in one store's log: the cursor a station pulls from.
public struct PositionedEntry: Codable, Sendable, Equatable {
    public var position: Int64
    public var entry: LogEntry

    public init(position: Int64, entry: LogEntry) {
        self.position = position
        self.entry = entry
    }
}
