/// A print job that ended: where the badge came out, or why it could not be printed.
public struct PrintDetails: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        case printed, failed
    }

    /// The job's idempotency key.
    public var key: String
    public var outcome: Outcome
    /// The queue the badge came out of (or failed on last).
    public var queue: String?
    /// The badge serial the job carried.
    public var serial: Int?
    /// Why the job failed, as a sentence.
    public var message: String?

    public init(key: String, outcome: Outcome, queue: String?, serial: Int?, message: String? = nil) {
        self.key = key
        self.outcome = outcome
        self.queue = queue
        self.serial = serial
        self.message = message
    }
}
