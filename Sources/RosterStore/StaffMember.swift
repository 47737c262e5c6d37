public import Foundation
public import Roster

/// A member of staff, or a machine (a kiosk, a turnstile, a script), and what they may do.
public struct StaffMember: Codable, Sendable, Equatable {
    public let name: String
    public let role: StaffRole
    /// Whether their password was given to them and must be changed at their first sign-in.
    public let mustChangePassword: Bool
    public let createdAt: Date
    /// When the account was revoked; nil while it stands.
    public let revokedAt: Date?

    public init(name: String, role: StaffRole, mustChangePassword: Bool, createdAt: Date, revokedAt: Date?) {
        self.name = name
        self.role = role
        self.mustChangePassword = mustChangePassword
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
