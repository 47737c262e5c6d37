/// What a member of staff (or a machine) may do at a station.
public enum StaffRole: String, Sendable, Codable, CaseIterable {
    /// Everything: the roster, the dashboard, flags, staff.
    case organiser
    /// The registration desk: search, check in, print, reprint, walk-ins, name corrections, undo its own check-ins.
    case desk
    /// A self-service kiosk: a delegate's own check-in, nothing else.
    case kiosk
    /// A door: scans.
    case door
    /// Another station of the event, joined to this one as its hub: pulls the event and the log, pushes its entries.
    case station
}
