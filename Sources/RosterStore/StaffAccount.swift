public import Foundation
public import Roster

/// A member of staff as the hubs sharing one database hand them to each other: the bcrypt hash of the password
/// (never the password), the role, and when the account last changed, so that the latest change wins at every hub.
public struct StaffAccount: Sendable, Equatable {
    public var name: String
    public var role: StaffRole
    public var passwordHash: String
    public var mustChangePassword: Bool
    public var createdAt: Date
    public var revokedAt: Date?
    /// When it was added, its password changed, or it was revoked.
    public var changedAt: Date

    public init(
        name: String, role: StaffRole, passwordHash: String, mustChangePassword: Bool, createdAt: Date, revokedAt: Date?, changedAt: Date
    ) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.mustChangePassword = mustChangePassword
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.changedAt = changedAt
    }

    /// Whether two creation times are the same moment, as two stores keep it (``sameMomentTolerance``).
    public static func sameMoment(_ a: Date, _ b: Date) -> Bool {
        abs(a.timeIntervalSince(b)) < sameMomentTolerance
    }

    /// How far apart, in seconds, two stores' copies of one moment may be: to the millisecond, give or take the one a
    /// date loses on its way through SQLite's text.
    public static let sameMomentTolerance = 0.002
}
