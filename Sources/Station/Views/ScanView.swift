public import DoorRules
public import Foundation
public import Roster

/// A door's answer to a scan: `{id?, at, door, place, direction, decision: {verdict, reason, sentence, warning?,
/// name?, category?}, occupancy, capacity?, recorded}`. It carries only what the steward sees: the verdict, its
/// reason, the name and category (not the delegate's reference or anything else about them).
public struct ScanView: Encodable, Sendable, Equatable {
    /// The scan's log entry (nil for a dry run), by which its steward can annul it.
    public let id: UUID?
    /// When the scan happened.
    public let at: Date
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

    private enum CodingKeys: String, CodingKey { case id, at, door, place, direction, decision, occupancy, capacity, recorded }

    /// What the steward reads of the decision.
    private struct StewardDecision: Encodable {
        let verdict: Verdict
        let reason: String
        let sentence: String
        let warning: String?
        let name: String?
        let category: String?
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encode(at, forKey: .at)
        try container.encode(door, forKey: .door)
        try container.encode(place, forKey: .place)
        try container.encode(direction, forKey: .direction)
        try container.encode(
            StewardDecision(
                verdict: decision.verdict, reason: decision.reason, sentence: decision.sentence, warning: decision.warning,
                name: decision.name, category: decision.category), forKey: .decision)
        try container.encode(occupancy, forKey: .occupancy)
        try container.encodeIfPresent(capacity, forKey: .capacity)
        try container.encode(recorded, forKey: .recorded)
    }
}
