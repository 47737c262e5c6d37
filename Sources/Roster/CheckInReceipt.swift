/// What a check-in answered: who, and the arrival that counts today (this one, or an earlier one the same day).
public struct CheckInReceipt: Sendable, Equatable {
    public let delegate: Delegate
    /// The arrival that counts today: the one just recorded, or the earlier one of the same day.
    public let entry: LogEntry
    /// False when the delegate had already checked in today; ``entry`` then says when and where.
    public let isFirstCheckIn: Bool

    public init(delegate: Delegate, entry: LogEntry, isFirstCheckIn: Bool) {
        self.delegate = delegate
        self.entry = entry
        self.isFirstCheckIn = isFirstCheckIn
    }

    /// Whether an organiser overrode a cancelled registration for this check-in.
    public var wasForced: Bool { entry.details.checkIn?.forced ?? false }
}
