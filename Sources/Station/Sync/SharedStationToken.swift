/// A station token as the hub hands it to the event's stations: its hash only (the secret never leaves the station
/// it was made for), so that stations pushing to each other directly can tell a station of the event by its token.
/// `{secretHash, station, revoked}`.
public struct SharedStationToken: Codable, Sendable, Equatable {
    /// SHA-256 of the token, hex.
    public var secretHash: String
    /// The station the token is for.
    public var station: String
    public var revoked: Bool

    public init(secretHash: String, station: String, revoked: Bool) {
        self.secretHash = secretHash
        self.station = station
        self.revoked = revoked
    }
}
