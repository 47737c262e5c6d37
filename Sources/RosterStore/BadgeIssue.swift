import Foundation
public import Roster

/// A badge about to be issued: the delegate and the serial it will carry. Nothing is recorded until the badge has
/// been signed and rendered (``RosterDatabase/recordBadgeIssues(_:station:at:)``), so a badge that cannot be made
/// burns no serial.
public struct BadgeIssue: Sendable, Equatable {
    public let delegate: Delegate
    /// The next serial: one more than the badge in force, 1 for a first badge.
    public let serial: Int
    /// Why it is reprinted, when the desk said.
    public var reason: String?

    public init(delegate: Delegate, serial: Int, reason: String? = nil) {
        self.delegate = delegate
        self.serial = serial
        self.reason = reason
    }

    /// Whether a badge was issued to the delegate before.
    public var isReprint: Bool { serial > 1 }
}
