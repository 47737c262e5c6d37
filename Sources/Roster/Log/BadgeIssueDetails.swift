/// A badge issued: serial 1 the first time, the next serial at each reprint (the older badge stops working).
public struct BadgeIssueDetails: Codable, Sendable, Equatable {
    public var serial: Int
    /// Whether a badge was issued to the delegate before.
    public var isReprint: Bool
    /// Why it was reprinted, when the desk said (a lost badge, a corrected name).
    public var reason: String?

    public init(serial: Int, isReprint: Bool, reason: String? = nil) {
        self.serial = serial
        self.isReprint = isReprint
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case serial, isReprint = "reprint", reason
    }
}
