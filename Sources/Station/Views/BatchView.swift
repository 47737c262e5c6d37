/// The JSON shape of a batch of badges: `{file, template, badges: [badge], problems: [{reference, reason}]}`.
public struct BatchView: Encodable, Sendable {
    public let file: String
    public let template: String
    public let badges: [BadgeView]
    /// Badges that could not be made (and were not issued), with why.
    public let problems: [BadgeStudio.Problem]
}
