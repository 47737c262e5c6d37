import Badges
public import Foundation
import PrintQueue
public import Roster
import RosterStore

extension Station {
    /// Delegates matching `text`, best first: a few letters of a name in any script or spelling (one typo
    /// tolerated), a reference, an email, an organisation.
    public func search(_ text: String, limit: Int = 10) async throws -> [SearchHitView] {
        try await store { database in
            try database.search(text, limit: limit).map { SearchHitView(score: $0.score, delegate: DelegateView($0.delegate)) }
        }
    }

    /// Everything the desk shows of one delegate.
    /// - Throws: ``LanyardError`` `notFound`.
    public func card(_ reference: String) async throws -> DelegateCard {
        try await store { database in
            let delegate = try database.delegate(reference)
            return DelegateCard(
                delegate: DelegateView(delegate), badge: try database.currentBadge(for: delegate.reference),
                printJobs: try database.printJobs(for: delegate.reference), log: try database.logEntries(reference: delegate.reference))
        }
    }

    /// A check-in at a desk, optionally printing the badge.
    public struct CheckInRequest: Sendable {
        public var reference: String
        /// An organiser's override for a cancelled registration; recorded.
        public var force: Bool
        /// Whether to print the delegate's badge: only when they have none yet (a reprint is asked for as such).
        public var print: Bool
        /// A queue to print on first.
        public var printer: String?

        public init(reference: String, force: Bool = false, print: Bool = false, printer: String? = nil) {
            self.reference = reference
            self.force = force
            self.print = print
            self.printer = printer
        }
    }

    /// Checks a delegate in: the day's arrival, recorded durably before anything else; then, when asked and the
    /// delegate has no badge yet, their badge's print request (stored, keyed by the check-in, so checking in again
    /// never prints a second badge). The print worker prints it.
    /// - Throws: ``LanyardError`` `notFound` or `registrationCancelled`.
    public func checkIn(_ request: CheckInRequest, at now: Date = Date()) async throws -> CheckInView {
        let station = name
        let (receipt, job, note) = try await store { database -> (CheckInReceipt, PrintJob?, String?) in
            let receipt = try database.checkIn(reference: request.reference, station: station, force: request.force, at: now)
            guard request.print else { return (receipt, nil, nil) }
            let key = "checkin-\(receipt.entry.id)"
            if let job = try database.printJob(key) { return (receipt, job, nil) }
            if let badge = try database.currentBadge(for: receipt.delegate.reference), !badge.isRevoked {
                return (receipt, nil, "\(receipt.delegate.displayName) already has badge \(badge.serial); reprint it if it is lost.")
            }
            let job = PrintJob(
                key: key, reference: receipt.delegate.reference, station: station, preferredQueue: request.printer, at: now)
            return (receipt, try database.enqueuePrint(job).0, nil)
        }
        if receipt.isFirstCheckIn { events.publish(.entry(receipt.entry)) }
        if let job {
            events.publish(.printJob(job))
            printWorker.wake()
        }
        return CheckInView(receipt, print: job, printNote: note)
    }

    /// Records that a delegate left the site: they leave the roll-call until they arrive again.
    public func checkOut(_ reference: String, at now: Date = Date()) async throws -> LogEntry {
        let station = name
        let entry = try await store { try $0.checkOut(reference: reference, station: station, at: now) }
        events.publish(.entry(entry))
        return entry
    }
}
