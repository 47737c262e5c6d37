/// A door where badges are scanned: its name, the place it leads into (a session's room, or an area such as the
/// exhibition hall or the venue itself) and its rules. Doors are configured once per station and used alike by a
/// door's scanner, `verify` and the server.
public struct Door: Sendable, Equatable, Codable {
    /// What the door leads into.
    public enum Place: Sendable, Equatable, Codable {
        /// A session of the programme, by code.
        case session(String)
        /// An area open all event long (exhibition hall, venue entrance), with its capacity when it has one.
        case area(name: String, capacity: Int?)
    }

    /// What to do with a badge scanned in while its holder is already inside (no exit scanned).
    public enum AntiPassback: String, Sendable, Codable, CaseIterable {
        /// Refuse: a badge passed back to a second person.
        case deny
        /// Admit, but warn the steward.
        case warn
        /// Ignore.
        case off
    }

    /// The door's own name (`A4 front`, `Main entrance`).
    public var name: String
    public var place: Place
    /// How many minutes before a session's start the door opens.
    public var opensMinutesBefore: Int
    /// Whether a delegate must have checked in at a desk before entering.
    public var requiresCheckIn: Bool
    public var antiPassback: AntiPassback
    /// Whether going out through this door leaves the site (a venue exit), so that the delegate leaves the
    /// roll-call. Leaving a session room is not leaving the site.
    public var isSiteExit: Bool

    public init(
        name: String? = nil, place: Place, opensMinutesBefore: Int = 30, requiresCheckIn: Bool = true,
        antiPassback: AntiPassback = .deny, isSiteExit: Bool = false
    ) {
        self.place = place
        self.name = name ?? Self.placeName(of: place)
        self.opensMinutesBefore = opensMinutesBefore
        self.requiresCheckIn = requiresCheckIn
        self.antiPassback = antiPassback
        self.isSiteExit = isSiteExit
    }

    /// The name the log records scans under: the session code or the area name, shared by every door of the place.
    public var placeName: String { Self.placeName(of: place) }

    /// The place's capacity, when the door knows it (a session's comes from the programme).
    public var areaCapacity: Int? {
        if case .area(_, let capacity) = place { capacity } else { nil }
    }

    private static func placeName(of place: Place) -> String {
        switch place {
        case .session(let code): code
        case .area(let name, _): name
        }
    }
}
