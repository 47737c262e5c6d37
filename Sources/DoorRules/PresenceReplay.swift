import Foundation
import Roster

/// Replays the on-site log: who entered each door's place, who is inside it now, and where each delegate was
/// last seen.
struct PresenceReplay {
    /// Door name → references admitted in at least once.
    private(set) var entrants: [String: Set<String>] = [:]
    /// Door name → references inside now.
    private(set) var inside: [String: Set<String>] = [:]
    /// Reference → the last entry that placed them (a check-in or an admitted scan).
    private(set) var lastSeen: [String: LogEntry] = [:]

    init(log: [LogEntry]) {
        for entry in log {
            guard let reference = entry.reference else { continue }
            switch entry.kind {
            case .checkIn:
                lastSeen[reference] = entry
            case .scan where entry.details["verdict"] == "ADMIT":
                let door = entry.details["door"] ?? entry.station
                if entry.details["direction"] == "out" {
                    inside[door, default: []].remove(reference)
                } else {
                    inside[door, default: []].insert(reference)
                    entrants[door, default: []].insert(reference)
                }
                lastSeen[reference] = entry
            default:
                continue
            }
        }
    }

    /// Delegates seen on event day `day` whose last sighting was not an exit (for the whole event when nil).
    func onSite(on day: Int?, event: Event) -> [String: LogEntry] {
        lastSeen.filter { _, entry in
            (day == nil || event.dayNumber(at: entry.at) == day) && entry.details["direction"] != "out"
        }
    }
}
