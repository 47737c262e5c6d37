/// ADMIT or DENY, with a reason code and a sentence for the steward, and who the badge names so that the steward
/// can compare the badge with the person.
public struct EntryDecision: Sendable, Equatable, Codable {
    public enum Verdict: String, Sendable, Codable {
        case admit = "ADMIT"
        case deny = "DENY"
    }

    public var verdict: Verdict
    /// A stable code: `admitted`, `exit`, or the reason for a denial (`bad-signature`, `not-registered` …).
    public var reason: String
    /// A plain sentence for the steward.
    public var sentence: String
    /// Something the steward should know even though the delegate is admitted (anti-passback in warn mode).
    public var warning: String?
    public var reference: String?
    public var name: String?
    public var category: String?

    public var isAdmitted: Bool { verdict == .admit }
}
