import Foundation
import Printing
import Synchronization

/// What the spooler has found out about each queue's printer beyond CUPS's word: whether its connection answers,
/// and when that was last checked. A printer found unreachable is skipped until a later check finds it back.
final class ReachabilityBook: Sendable {
    private struct Entry {
        var reachability: Reachability
        var checkedAt: Date
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let reachability: any PrinterReachability
    /// How long a printer found reachable is taken as reachable without asking again.
    private let reachableFor: TimeInterval
    /// How often a printer found unreachable is asked again.
    private let recheckEvery: TimeInterval

    init(reachability: any PrinterReachability, reachableFor: TimeInterval, recheckEvery: TimeInterval) {
        self.reachability = reachability
        self.reachableFor = reachableFor
        self.recheckEvery = recheckEvery
    }

    /// Whether the printer of `queue` can be reached, asking it when the last answer is old or from before
    /// `since`; nil when it cannot be asked directly.
    func check(_ queue: String, deviceURI: String, now: Date, since: Date? = nil) -> Reachability? {
        let known = entries.withLock { $0[queue] }
        if let known, known.checkedAt >= since ?? .distantPast {
            let age = now.timeIntervalSince(known.checkedAt)
            if known.reachability.isReachable ? age < reachableFor : age < recheckEvery { return known.reachability }
        }
        guard let found = reachability.check(deviceURI) else { return nil }
        entries.withLock { $0[queue] = Entry(reachability: found, checkedAt: now) }
        return found
    }

    /// What was last found for `queue`, without asking.
    func last(_ queue: String) -> Reachability? {
        entries.withLock { $0[queue]?.reachability }
    }

    /// Records that `queue`'s printer could not be reached.
    func markUnreachable(_ queue: String, _ reason: String, now: Date) {
        entries.withLock { $0[queue] = Entry(reachability: .unreachable(reason), checkedAt: now) }
    }
}
