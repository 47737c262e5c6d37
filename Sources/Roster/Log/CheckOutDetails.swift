/// A departure from the site recorded at a desk: the delegate is off the roll-call until they arrive again.
public struct CheckOutDetails: Codable, Sendable, Equatable {
    /// The event day of the departure.
    public var day: Int

    public init(day: Int) {
        self.day = day
    }
}
