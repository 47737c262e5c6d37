public import DoorRules
public import Roster

/// A door's answer to a scan: `{door, place, direction, decision, occupancy, capacity?, recorded}`. The decision
/// carries only what the steward sees: the verdict, its reason, the name and category.
public struct ScanView: Encodable, Sendable, Equatable {
    /// The door's name.
    public let door: String
    /// The place it leads into (a session code or an area).
    public let place: String
    public let direction: Direction
    public let decision: EntryDecision
    /// How many are inside the place after this scan.
    public let occupancy: Int
    public let capacity: Int?
    /// Whether the scan was recorded (false for a dry run).
    public let recorded: Bool
}
