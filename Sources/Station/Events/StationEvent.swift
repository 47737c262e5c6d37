import PrintQueue
public import Roster

/// Something that happened at the station, for the screens that follow it (the desk's print progress, the door,
/// the dashboard): an entry of the on-site log, a print job's new state, a printer's change.
public enum StationEvent: Sendable, Encodable, Equatable {
    /// A check-in, check-out, badge issue or revocation, or scan, as logged.
    case entry(LogEntry)
    /// A door's verdict on a scan, as its steward sees it.
    case verdict(ScanView)
    /// How many are inside a place now, after a scan or an annulment at any of its doors.
    case occupancy(place: String, count: Int, capacity: Int?)
    /// A print job's new state.
    case printJob(PrintJob)
    /// A printer became usable again, or stopped being usable, and why not.
    case printer(queue: String, isUsable: Bool, problem: String?)

    private enum CodingKeys: String, CodingKey { case type, entry, verdict, job, queue, usable, problem, place, count, capacity }

    /// `{type: "entry", entry}`, `{type: "verdict", verdict}`, `{type: "occupancy", place, count, capacity?}`,
    /// `{type: "print-job", job}` or `{type: "printer", queue, usable, problem?}` (as `GET /printers` names it).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .entry(let entry):
            try container.encode("entry", forKey: .type)
            try container.encode(entry, forKey: .entry)
        case .verdict(let view):
            try container.encode("verdict", forKey: .type)
            try container.encode(view, forKey: .verdict)
        case .occupancy(let place, let count, let capacity):
            try container.encode("occupancy", forKey: .type)
            try container.encode(place, forKey: .place)
            try container.encode(count, forKey: .count)
            try container.encodeIfPresent(capacity, forKey: .capacity)
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
