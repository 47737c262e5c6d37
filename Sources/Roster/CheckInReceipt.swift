/// What a check-in answered: who, and the check-in that counts (this one, or the first one when the delegate
/// had already checked in).
public struct CheckInReceipt: Sendable, Equatable {
    public let delegate: Delegate
    /// The check-in that counts: the one just recorded, or the earlier first one.
    public let entry: LogEntry
    /// False when the delegate had checked in before; ``entry`` then says when and where.
    public let isFirstCheckIn: Bool

    public init(delegate: Delegate, entry: LogEntry, isFirstCheckIn: Bool) {
        self.delegate = delegate
        self.entry = entry
        self.isFirstCheckIn = isFirstCheckIn
    }

    /// Whether an organiser overrode a cancelled registration for this check-in.
    public var wasForced: Bool { entry.details["forced"] == "true" }
}
