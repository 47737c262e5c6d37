/// A door where badges are scanned: a session's room, or an area such as the exhibition hall, and its settings.
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

    public var place: Place
    /// How many minutes before a session's start the door opens.
    public var opensMinutesBefore: Int
    /// Whether a delegate must have checked in at a desk before entering.
    public var requiresCheckIn: Bool
    public var antiPassback: AntiPassback

    public init(place: Place, opensMinutesBefore: Int = 30, requiresCheckIn: Bool = true, antiPassback: AntiPassback = .deny) {
        self.place = place
        self.opensMinutesBefore = opensMinutesBefore
        self.requiresCheckIn = requiresCheckIn
        self.antiPassback = antiPassback
    }

    /// The name the log records scans under: the session code or the area name.
    public var logName: String {
        switch place {
        case .session(let code): code
        case .area(let name, _): name
        }
    }
}
