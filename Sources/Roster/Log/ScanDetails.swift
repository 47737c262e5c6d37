/// A badge scanned at a door, with what the door decided.
public struct ScanDetails: Codable, Sendable, Equatable {
    /// The place the door leads into: a session code or an area name. Doors of one room share it.
    public var door: String
    public var direction: Direction
    public var verdict: Verdict
    /// The decision's stable reason code (`admitted`, `exit`, `already-inside` …).
    public var reason: String
    /// The serial the badge carried, once its code could be read.
    public var serial: Int?
    /// The reference a code that failed verification claimed: only a claim, kept apart from the entry's reference.
    public var claimedReference: String?
    /// Whether the door is a way out of the site, so that leaving through it takes the delegate off the roll-call.
    public var isSiteExit: Bool

    public init(
        door: String, direction: Direction, verdict: Verdict, reason: String, serial: Int? = nil,
        claimedReference: String? = nil, isSiteExit: Bool = false
    ) {
        self.door = door
        self.direction = direction
        self.verdict = verdict
        self.reason = reason
        self.serial = serial
        self.claimedReference = claimedReference
        self.isSiteExit = isSiteExit
    }

    private enum CodingKeys: String, CodingKey {
        case door, direction, verdict, reason, serial, claimedReference, isSiteExit = "siteExit"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        door = try container.decode(String.self, forKey: .door)
        direction = try container.decode(Direction.self, forKey: .direction)
        verdict = try container.decode(Verdict.self, forKey: .verdict)
        reason = try container.decode(String.self, forKey: .reason)
        serial = try container.decodeIfPresent(Int.self, forKey: .serial)
        claimedReference = try container.decodeIfPresent(String.self, forKey: .claimedReference)
        isSiteExit = try container.decodeIfPresent(Bool.self, forKey: .isSiteExit) ?? false
    }

    /// Whether the scan moved someone through the door (an admitted entry or exit).
    public var isPassage: Bool { verdict == .admit }
}
