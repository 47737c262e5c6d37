/// Whether a code is a valid badge of the event: `{valid, reason, sentence, reference?, serial?, delegate?}`.
public struct VerificationView: Encodable, Sendable {
    public let valid: Bool
    public let reason: String
    public let sentence: String
    public let reference: String?
    public let serial: Int?
    public let delegate: DelegateView?
}
