/// A revoked badge: `{reference, serial, reason}`.
public struct RevocationView: Encodable, Sendable {
    public let reference: String
    public let serial: Int
    public let reason: String
}
