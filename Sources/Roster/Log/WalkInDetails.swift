/// A delegate registered on site, at a desk: not in the registration system's roster.
public struct WalkInDetails: Codable, Sendable, Equatable {
    /// The registration as it was taken at the desk.
    public var delegate: Delegate

    public init(delegate: Delegate) {
        self.delegate = delegate
    }
}
