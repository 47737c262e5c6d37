import DoorRules
import Roster

/// A door a steward can pick: `{name, place, kind, title, room?, day?, capacity?, siteExit}`.
public struct DoorView: Encodable, Sendable, Equatable {
    /// The name scans are sent to.
    public let name: String
    /// The session code or area it leads into.
    public let place: String
    /// `session` or `area`.
    public let kind: String
    /// The session's title, or the area's name.
    public let title: String
    public let room: String?
    public let day: Int?
    public let capacity: Int?
    /// Whether going out through it leaves the site.
    public let siteExit: Bool

    init(door: Door, session: Session?) {
        name = door.name
        place = door.placeName
        kind = session == nil ? "area" : "session"
        title = session?.title ?? door.placeName
        room = session?.room
        day = session?.day
        capacity = session?.capacity ?? door.areaCapacity
        siteExit = door.isSiteExit
    }
}
