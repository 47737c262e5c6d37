/// What a door decided about a scan.
public enum Verdict: String, Sendable, Codable, CaseIterable {
    case admit = "ADMIT"
    case deny = "DENY"
}
