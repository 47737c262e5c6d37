/// An arrival at a desk.
public struct CheckInDetails: Codable, Sendable, Equatable {
    /// The event day the arrival counts for.
    public var day: Int
    /// Whether an organiser overrode a cancelled registration.
    public var forced: Bool

    public init(day: Int, forced: Bool = false) {
        self.day = day
        self.forced = forced
    }
}
