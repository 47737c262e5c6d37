public import Printing

/// A print queue as the desk and the dashboard see it: CUPS's state, the profile the station prints it with, and
/// whether its printer answers.
public struct QueueState: Codable, Sendable, Equatable {
    public var queue: String
    /// CUPS's state of the queue, or nil when CUPS has no such queue.
    public var status: PrinterStatus?
    /// The printer profile the station uses for it, or nil (a PDF of the default template).
    public var profile: String?
    /// Whether the printer's connection answers, when that can be checked (`socket://` printers).
    public var reachability: Reachability?

    public init(queue: String, status: PrinterStatus?, profile: String?, reachability: Reachability?) {
        self.queue = queue
        self.status = status
        self.profile = profile
        self.reachability = reachability
    }

    /// Whether a badge sent now can be expected to print.
    public var isUsable: Bool {
        (status?.isHealthy ?? false) && (reachability?.isReachable ?? true)
    }

    private enum CodingKeys: String, CodingKey { case queue, status, profile, reachability, usable, problem }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        queue = try container.decode(String.self, forKey: .queue)
        status = try container.decodeIfPresent(PrinterStatus.self, forKey: .status)
        profile = try container.decodeIfPresent(String.self, forKey: .profile)
        reachability = try container.decodeIfPresent(Reachability.self, forKey: .reachability)
    }

    /// `{queue, status?, profile?, reachability?, usable, problem?}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(queue, forKey: .queue)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encodeIfPresent(profile, forKey: .profile)
        try container.encodeIfPresent(reachability, forKey: .reachability)
        try container.encode(isUsable, forKey: .usable)
        try container.encodeIfPresent(problem, forKey: .problem)
    }

    /// Why a badge sent now would not print, as a phrase; nil when it would.
    public var problem: String? {
        guard let status else { return "CUPS has no such queue" }
        if !status.isAcceptingJobs { return "not accepting jobs" }
        if status.state == .stopped {
            // What whoever stopped it said (`cupsdisable -r "Out of labels"`), or else CUPS's reasons.
            let why = status.message ?? (status.reasons.isEmpty ? nil : status.reasons.joined(separator: ", "))
            return "stopped" + (why.map { ": " + $0 } ?? "")
        }
        if !status.isHealthy { return status.reasons.joined(separator: ", ") }
        if case .unreachable(let why) = reachability { return "cannot be reached: \(why)" }
        return nil
    }
}
