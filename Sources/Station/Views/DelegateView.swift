public import Roster

/// The JSON shape of a delegate: the registration as stored (``Delegate``'s own keys), plus `displayName`, the name
/// as a badge shows it.
public struct DelegateView: Encodable, Sendable {
    public let delegate: Delegate

    public init(_ delegate: Delegate) {
        self.delegate = delegate
    }

    private enum Keys: String, CodingKey { case displayName }

    public func encode(to encoder: any Encoder) throws {
        try delegate.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(delegate.displayName, forKey: .displayName)
    }
}
