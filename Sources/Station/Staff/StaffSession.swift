public import Foundation
public import RosterStore

/// A signed-in browser: the secret its cookie carries, the cross-site request token its page sends back, and who.
public struct StaffSession: Sendable {
    public let secret: String
    public let csrf: String
    public let staff: StaffMember
    public let expiresAt: Date
}
