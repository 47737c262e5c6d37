/// A delegate category (delegate, speaker, press …): what the badge says and what doors it opens.
public struct Category: Codable, Sendable, Equatable, Hashable {
    /// Short code such as `DEL` or `SPK`.
    public var code: String
    /// Human name such as `Speaker`.
    public var name: String
    /// Whether holders count as law enforcement for restricted seminars.
    public var isLawEnforcement: Bool

    public init(code: String, name: String, isLawEnforcement: Bool) {
        self.code = code
        self.name = name
        self.isLawEnforcement = isLawEnforcement
    }
}
