public import Foundation

/// A mistaken check-in undone at the desk that made it, within minutes: the check-in stays in the log, and no
/// longer counts.
public struct UndoDetails: Codable, Sendable, Equatable {
    /// The check-in undone.
    public var checkIn: UUID
    public var reason: String?

    public init(checkIn: UUID, reason: String? = nil) {
        self.checkIn = checkIn
        self.reason = reason
    }
}
