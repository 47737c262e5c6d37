import Foundation
import Roster

/// Replays the on-site log in the order things happened: who arrived on which day, who entered each door's place
/// and who is inside it now, who is on site, and where each delegate was last seen.
///
/// A delegate arrives on a day by checking in at a desk or by being admitted through any door that day (a
/// returning delegate need not pass the desk). They leave the site only by going out through a door marked as a
/// site exit, or by checking out at a desk: leaving a session room puts them in the corridor, still on site. A
/// check-in undone at the desk, or a scan annulled by its steward, counts for nothing.
struct PresenceReplay {
    /// Where a delegate stands with the site.
    private enum Site {
        case arrived(day: Int)
        case left(day: Int)
    }

    /// Reference → the days they arrived at a desk, with the first check-in of each day.
    private(set) var arrivals: [String: [Int: LogEntry]] = [:]
    /// Place (session code or area) → references admitted in at least once.
    private(set) var entrants: [String: Set<String>] = [:]
    /// Place → references inside now.
    private(set) var inside: [String: Set<String>] = [:]
    /// Reference → the last entry that placed them (a check-in, an admitted scan, a check-out).
    private(set) var lastSeen: [String: LogEntry] = [:]
    /// The entries that count, by time: without undone check-ins and annulled scans, and without the undoing.
    private(set) var counted: [LogEntry] = []
    private var site: [String: Site] = [:]

    init(log: [LogEntry], event: Event) {
        // A check-in undone at the desk, or a scan annulled at its door, stays in the log and counts for nothing.
        let undone = Set(
            log.compactMap { entry -> UUID? in
                switch entry.details {
                case .checkInUndone(let undo): undo.checkIn
                case .scanAnnulled(let annulment): annulment.scan
                default: nil
                }
            })
        // Scans uploaded later keep their own time: replay by time, not by the order they reached the store.
        for entry in log.sorted(by: { LogOrder.precedes($0, $1) }) {
            switch entry.details {
            case .checkIn where undone.contains(entry.id), .scan where undone.contains(entry.id), .checkInUndone, .scanAnnulled:
                continue
            default:
                counted.append(entry)
            }
            guard let reference = entry.reference else { continue }
            switch entry.details {
            case .checkIn where undone.contains(entry.id), .scan where undone.contains(entry.id):
                continue
            case .checkIn(let checkIn):
                if arrivals[reference]?[checkIn.day] == nil { arrivals[reference, default: [:]][checkIn.day] = entry }
                site[reference] = .arrived(day: checkIn.day)
                lastSeen[reference] = entry
            case .checkOut(let checkOut):
                site[reference] = .left(day: checkOut.day)
                lastSeen[reference] = entry
            case .scan(let scan) where scan.isPassage:
                let day = event.arrivalDay(at: entry.at)
                if scan.direction == .out {
                    inside[scan.door, default: []].remove(reference)
                    if scan.isSiteExit { site[reference] = .left(day: day) }
                } else {
                    inside[scan.door, default: []].insert(reference)
                    entrants[scan.door, default: []].insert(reference)
                    if case .arrived(day) = site[reference] {} else { site[reference] = .arrived(day: day) }
                }
                lastSeen[reference] = entry
            default:
                continue
            }
        }
    }

    /// Delegates on site on event day `day`, with where they were last seen.
    func onSite(on day: Int) -> [String: LogEntry] {
        lastSeen.filter { reference, _ in
            if case .arrived(day) = site[reference] { true } else { false }
        }
    }

    /// Whether the delegate arrived at a desk on `day`, or on any day when nil.
    func hasCheckedIn(_ reference: String, on day: Int?) -> Bool {
        guard let days = arrivals[reference] else { return false }
        return day.map { days[$0] != nil } ?? !days.isEmpty
    }
}
