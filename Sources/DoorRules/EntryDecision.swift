public import Roster

/// ADMIT or DENY, with a reason code and a sentence for the steward, and who the badge names so that the steward
/// can compare the badge with the person.
public struct EntryDecision: Sendable, Equatable, Codable {
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

    public init(
        verdict: Verdict, reason: String, sentence: String, warning: String? = nil, reference: String? = nil,
        name: String? = nil, category: String? = nil
    ) {
        self.verdict = verdict
        self.reason = reason
        self.sentence = sentence
        self.warning = warning
        self.reference = reference
        self.name = name
        self.category = category
    }

    public var isAdmitted: Bool { verdict == .admit }
}
