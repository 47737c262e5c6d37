public import Foundation

/// Something that proves who is asking: a browser's session, or a machine's bearer token. The store keeps only a
/// hash of its secret.
public struct StaffCredential: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case session, token
    }

    public let staff: StaffMember
    public let kind: Kind
    /// The session's cross-site request token, which its page sends back with every change.
    public let csrf: String?
    public let expiresAt: Date?

    public init(staff: StaffMember, kind: Kind, csrf: String?, expiresAt: Date?) {
        self.staff = staff
        self.kind = kind
        self.csrf = csrf
        self.expiresAt = expiresAt
    }
}
