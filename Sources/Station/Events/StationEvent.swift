import PrintQueue
public import Roster

/// Something that happened at the station, for the screens that follow it (the desk's print progress, the door,
/// the dashboard): an entry of the on-site log, a print job's new state, a printer's change.
public enum StationEvent: Sendable, Encodable, Equatable {
    /// A check-in, check-out, badge issue or revocation, or scan, as logged.
    case entry(LogEntry)
    /// A door's verdict on a scan, as its steward sees it.
    case verdict(ScanView)
    /// A print job's new state.
    case printJob(PrintJob)
    /// A printer became usable again, or stopped being usable, and why not.
    case printer(queue: String, isUsable: Bool, problem: String?)

    private enum CodingKeys: String, CodingKey { case type, entry, verdict, job, queue, usable, problem }

    /// `{type: "entry", entry}`, `{type: "verdict", verdict}`, `{type: "print-job", job}` or `{type: "printer", queue, usable, problem?}` (as
    /// `GET /printers` names it).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .entry(let entry):
            try container.encode("entry", forKey: .type)
            try container.encode(entry, forKey: .entry)
        case .verdict(let view):
            try container.encode("verdict", forKey: .type)
            try container.encode(view, forKey: .verdict)
        case .printJob(let job):
            try container.encode("print-job", forKey: .type)
            try container.encode(job, forKey: .job)
        case .printer(let queue, let isUsable, let problem):
            try container.encode("printer", forKey: .type)
            try container.encode(queue, forKey: .queue)
            try container.encode(isUsable, forKey: .usable)
            try container.encodeIfPresent(problem, forKey: .problem)
        }
    }
}
