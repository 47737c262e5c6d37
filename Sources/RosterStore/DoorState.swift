/// What a door needs to know about one delegate and its place, read from the store in one go.
public struct DoorState: Sendable, Equatable {
    /// Whether the delegate has checked in at a desk (on any day: a returning delegate need not pass the desk).
    public let isCheckedIn: Bool
    /// Whether the delegate is inside the door's place (admitted in, no exit since).
    public let isInside: Bool
    /// How many people are inside the door's place.
    public let occupancy: Int
    /// Of the references a door asked about besides (its scans not yet in the store), those the store has inside.
    public let insideAmong: Set<String>

    public init(isCheckedIn: Bool, isInside: Bool, occupancy: Int, insideAmong: Set<String> = []) {
        self.isCheckedIn = isCheckedIn
        self.isInside = isInside
        self.occupancy = occupancy
        self.insideAmong = insideAmong
    }
}
