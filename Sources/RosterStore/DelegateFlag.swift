public import Foundation

/// A note on a delegate that stops their check-in until staff acknowledge it.
public struct DelegateFlag: Codable, Sendable, Equatable {
    public let id: UUID
    public let reference: String
    public let note: String
    public let setAt: Date
    /// When staff acknowledged it, at a check-in; nil while it still stops one.
    public let acknowledgedAt: Date?
}
