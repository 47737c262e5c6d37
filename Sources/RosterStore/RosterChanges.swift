/// What applying a roster changed, reference by reference.
public struct RosterChanges: Codable, Sendable, Equatable {
    /// Delegates new to the store.
    public var added: [String] = []
    /// Delegates whose registration changed (other than a cancellation or reinstatement).
    public var updated: [String] = []
    /// Delegates whose registration became cancelled.
    public var cancelled: [String] = []
    /// Delegates whose cancelled registration was confirmed again.
    public var reinstated: [String] = []
    /// How many delegates were identical to what the store had.
    public var unchanged = 0
    /// Categories new to the store.
    public var categoriesAdded: [String] = []
    /// Sessions new to the store or changed.
    public var sessionsChanged: [String] = []

    public init() {}
}
