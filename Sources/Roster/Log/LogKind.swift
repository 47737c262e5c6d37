/// What a log entry records. The raw values are the log's stable `kind` strings, shared by every station.
public enum LogKind: String, Sendable, Codable, CaseIterable {
    /// A delegate arrived at a desk (one arrival per event day).
    case checkIn = "check-in"
    /// A delegate left the site, recorded at a desk.
    case checkOut = "check-out"
    /// A badge was issued: the first one, or a reprint that supersedes the one before.
    case badgeIssued = "badge-issued"
    /// A badge was revoked: it no longer opens doors.
    case badgeRevoked = "badge-revoked"
    /// A badge was scanned at a door.
    case scan
    /// A print job ended: the badge came out, or it could not be printed.
    case print
    /// A delegate registered on site.
    case walkIn = "walk-in"
    /// A delegate's name corrected at a desk.
    case nameCorrected = "name-corrected"
    /// A flag set on a delegate, stopping their check-in until acknowledged.
    case flagged
    /// A flag acknowledged by staff.
    case flagAcknowledged = "flag-acknowledged"
    /// A mistaken check-in undone.
    case checkInUndone = "check-in-undone"
    /// A mistaken scan annulled by its steward.
    case scanAnnulled = "scan-annulled"
}
