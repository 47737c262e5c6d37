/// A session of the programme: a plenary, a seminar, a reception.
public struct Session: Codable, Sendable, Equatable, Hashable {
    /// Short code such as `P1` or `A4`.
    public var code: String
    /// The event day, 1-based.
    public var day: Int
    /// Local start time, `HH:MM`.
    public var start: String
    /// Local end time, `HH:MM`.
    public var end: String
    public var title: String
    public var room: String
    /// How many people the room holds.
    public var capacity: Int
    public var access: AccessRule

    public init(
        code: String, day: Int, start: String, end: String, title: String, room: String, capacity: Int,
        access: AccessRule
    ) {
        self.code = code
        self.day = day
        self.start = start
        self.end = end
        self.title = title
        self.room = room
        self.capacity = capacity
        self.access = access
    }
}
