public import Foundation

/// A note on a delegate that stops their check-in until staff acknowledge it (VIP, "see the supervisor",
/// "collect payment"), set by an organiser or imported with the roster.
public struct FlagDetails: Codable, Sendable, Equatable {
    /// The flag's own identity, which an acknowledgement names.
    public var flag: UUID
    public var note: String

    public init(flag: UUID = UUID(), note: String) {
        self.flag = flag
        self.note = note
    }
}

/// Staff acknowledged a flag before checking its delegate in.
public struct FlagAcknowledgementDetails: Codable, Sendable, Equatable {
    public var flag: UUID
    public var note: String

    public init(flag: UUID, note: String) {
        self.flag = flag
        self.note = note
    }
}
