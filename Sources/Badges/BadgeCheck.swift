/// What verifying a badge code decided, with a sentence for the steward.
public struct BadgeCheck: Sendable, Equatable {
    /// Why a badge is or is not valid. Each has a stable ``code`` and a plain ``sentence``.
    public enum Reason: String, Error, Sendable, Equatable, CaseIterable {
        case valid
        case malformed
        case truncated
        case wrongCase = "wrong-case"
        case otherEvent = "other-event"
        case badSignature = "bad-signature"
        case superseded
        case revoked
        case unknownDelegate = "unknown-delegate"

        /// The stable code scripts match on.
        public var code: String { rawValue }

        /// A sentence a steward can act on.
        public var sentence: String {
            switch self {
            case .valid: "Valid badge."
            case .malformed: "This is not a Lanyard badge code."
            case .truncated: "Only part of the code was read. Scan again."
            case .wrongCase:
                "The code arrived in the wrong letter case: check the scanner's keyboard layout and Caps Lock, then scan again."
            case .otherEvent: "This badge belongs to another event."
            case .badSignature: "This badge is forged or altered: its signature does not match. Send the person to the desk."
            case .superseded: "This badge was replaced by a reprint and no longer works. Ask for the new badge."
            case .revoked: "This badge has been revoked. Send the person to the desk."
            case .unknownDelegate: "The badge names nobody on the roster. Send the person to the desk."
            }
        }
    }

    public let reason: Reason
    /// The claims, once the code could be parsed (even when the verdict is not valid).
    public let claims: BadgeClaims?
    /// Why the badge was revoked, when it was.
    public let revocationReason: String?

    public init(reason: Reason, claims: BadgeClaims?, revocationReason: String? = nil) {
        self.reason = reason
        self.claims = claims
        self.revocationReason = revocationReason
    }

    public var isValid: Bool { reason == .valid }

    /// A sentence the steward can act on, with the revocation's reason when there is one.
    public var sentence: String {
        guard reason == .revoked, let revocationReason, !revocationReason.isEmpty else { return reason.sentence }
        return "This badge has been revoked (\(revocationReason)). Send the person to the desk."
    }
}
