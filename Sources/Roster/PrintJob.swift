public import Foundation

/// A badge on its way to a printer, as the desk and the dashboard follow it.
public struct PrintJob: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        /// Waiting for a healthy printer (new, or failed over from one).
        case queued
        /// Being handed to a print queue: a crash here is resolved by asking the queue for the job by name.
        case submitting
        /// Accepted by a print queue; followed until it prints.
        case submitted
        /// The printer has it: done.
        case printed
        /// It cannot be printed (its badge does not render, or the print system lost it): ``PrintJob/message`` says
        /// why, and the desk decides (correct the name, reprint). The queue goes on without it.
        case failed

        /// Whether the job has ended, printed or not.
        public var isFinished: Bool { self == .printed || self == .failed }
    }

    /// The idempotency key: a request made again with the same key is the same job.
    public var key: String
    public var reference: String
    /// The desk that asked.
    public var station: String
    /// The member of staff who asked, when one did: recorded on the badge the job issues.
    public var staff: String?
    public var state: State
    /// A queue or profile the desk asked for, tried first.
    public var preferredQueue: String?
    /// Why the desk reprints, when it said (a lost badge, a corrected name); recorded with the badge issued.
    public var reason: String?
    /// The rendered badge in the spool folder, once rendered.
    public var document: String?
    /// `pdf` or `zpl`.
    public var format: String?
    /// The badge serial the document carries.
    public var serial: Int?
    /// The signed badge code, issued once per job so that a re-render for another printer carries the same badge.
    public var code: String?
    /// The queue the badge is going to (or came out of).
    public var queue: String?
    public var cupsJobID: Int?
    /// Queues this badge failed on, most recent last.
    public var triedQueues: [String]
    /// What happened last, as a sentence for the desk.
    public var message: String?
    public var createdAt: Date
    public var submittedAt: Date?
    public var updatedAt: Date

    public init(
        key: String, reference: String, station: String, staff: String? = nil, preferredQueue: String?, reason: String? = nil, at now: Date
    ) {
        self.key = key
        self.reference = reference
        self.station = station
        self.staff = staff
        self.state = .queued
        self.preferredQueue = preferredQueue
        self.reason = reason
        self.triedQueues = []
        self.createdAt = now
        self.updatedAt = now
    }
}
