/// What a door needs to know about one delegate and its room, read from the store in one go.
public struct DoorState: Sendable, Equatable {
    /// Whether the delegate has checked in at a desk.
    public let isCheckedIn: Bool
    /// Whether the delegate is inside the door's place (admitted in, no exit since).
    public let isInside: Bool
    /// How many people are inside the door's place.
    public let occupancy: Int
}
