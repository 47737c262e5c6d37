/// A badge revoked: lost or stolen and not replaced, or withdrawn. Doors deny it, saying why.
public struct BadgeRevocationDetails: Codable, Sendable, Equatable {
    public var serial: Int
    public var reason: String

    public init(serial: Int, reason: String) {
        self.serial = serial
        self.reason = reason
    }
}
