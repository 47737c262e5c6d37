import Badges
public import Foundation
import PrintQueue
public import Roster
import RosterStore
import Synchronization

extension Station {
    /// Delegates matching `text`, best first: a few letters of a name in any script or spelling (one typo
    /// tolerated), a reference, an email, an organisation; or the delegate a scanned confirmation code or badge
    /// code of this event names.
    public func search(_ text: String, limit: Int = 10) async throws -> [SearchHitView] {
        // A scanned confirmation code or badge code names its delegate outright.
        if let reference = desk.reference(inScanned: text) {
            return try await store { database in [SearchHitView(score: 1000, delegate: DelegateView(try database.delegate(reference)))] }
        }
        if let ready = searchStart.withLock({ $0?.ready }) { await ready.value }
        return try await store { database in
            try database.search(text, limit: limit).map { SearchHitView(score: $0.score, delegate: DelegateView($0.delegate)) }
        }
    }

    /// Loads or builds the desk search's index now, so that the first search is as fast as the rest.
    public func prepareSearch() async throws {
        try await store { try $0.prepareSearch() }
    }

    /// Stores the desk search's index built here, so that the next process to open this store loads it rather than
    /// building it; nothing when it was loaded from the store.
    public func storeSearchIndex() async throws {
        try await store { try $0.storeSearchIndex() }
    }

    /// Reads the roster once, so that the first searches after start-up do not wait on the disk for their hits.
    public func readRosterAhead() async throws {
        try await store { try $0.readDelegatesAhead() }
    }

    /// The event's categories, by code.
    public func categories() async throws -> [Category] {
        try await store { try $0.categories() }
    }

    /// Everything the desk shows of one delegate.
    /// - Throws: ``LanyardError`` `notFound`.
    public func card(_ reference: String) async throws -> DelegateCard {
        try await store { database in
            let delegate = try database.delegate(reference)
            return DelegateCard(
                delegate: DelegateView(delegate), badge: try database.currentBadge(for: delegate.reference),
                flags: try database.flags(of: delegate.reference), printJobs: try database.printJobs(for: delegate.reference),
                log: try database.logEntries(reference: delegate.reference))
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
        /// The delegate's flags staff have read; a flag not among them stops the check-in.
        public var acknowledgedFlags: Set<UUID>
        /// Makes the request idempotent: the same nonce again answers the first request's check-in and job.
        public var nonce: String?

        public init(
            reference: String, force: Bool = false, print: Bool = false, printer: String? = nil, acknowledgedFlags: Set<UUID> = [],
            nonce: String? = nil
        ) {
            self.reference = reference
            self.force = force
            self.print = print
            self.printer = printer
            self.acknowledgedFlags = acknowledgedFlags
            self.nonce = nonce
        }
    }

    /// What a check-in's nonce is remembered with, to answer a retried request alike.
    private struct CheckInOutcome: Codable {
        let checkIn: UUID
        let isFirstCheckIn: Bool
        let printKey: String?
        let printNote: String?
    }

    /// Checks a delegate in: the day's arrival, recorded durably before anything else; then, when asked and the
    /// delegate has no badge yet, their badge's print request (stored, keyed by the check-in, so checking in again
    /// never prints a second badge). The print worker prints it.
    /// - Parameter staff: Who checks them in, when signed in.
    /// - Throws: ``LanyardError`` `notFound`, `registrationCancelled` or `attentionRequired` (unacknowledged flags);
    ///   `conflict` for a nonce that already checked in someone else.
    public func checkIn(_ request: CheckInRequest, by staff: String? = nil, at now: Date = Date()) async throws -> CheckInView {
        if let nonce = request.nonce, let outcome = try await store({ try $0.result(ofNonce: nonce, as: CheckInOutcome.self) }) {
            return try await view(of: outcome, answering: request.reference)
        }
        let station = name
        let (receipt, job, note) = try await store { database -> (CheckInReceipt, PrintJob?, String?) in
            let receipt = try database.checkIn(
                reference: request.reference, station: station, staff: staff, force: request.force,
                acknowledging: request.acknowledgedFlags, at: now)
            guard request.print else { return (receipt, nil, nil) }
            let key = "checkin-\(receipt.entry.id)"
            if let job = try database.printJob(key) { return (receipt, job, nil) }
            if let badge = try database.currentBadge(for: receipt.delegate.reference), !badge.isRevoked {
                return (receipt, nil, "\(receipt.delegate.displayName) already has badge \(badge.serial); reprint it if it is lost.")
            }
            let job = PrintJob(
                key: key, reference: receipt.delegate.reference, station: station, staff: staff, preferredQueue: request.printer, at: now)
            return (receipt, try database.enqueuePrint(job).0, nil)
        }
        if receipt.isFirstCheckIn { events.publish(.entry(receipt.entry)) }
        if let job {
            events.publish(.printJob(job))
            printWorker.wake()
        }
        if let nonce = request.nonce {
            let outcome = CheckInOutcome(
                checkIn: receipt.entry.id, isFirstCheckIn: receipt.isFirstCheckIn, printKey: job?.key, printNote: note)
            let stored = try await store { try $0.record(outcome, forNonce: nonce, kind: "check-in", at: now) }
            if stored.checkIn != outcome.checkIn { return try await view(of: stored, answering: request.reference) }
        }
        return CheckInView(receipt, print: job, printNote: note)
    }

    /// The answer a remembered check-in gives again, to a request for `requested`.
    private func view(of outcome: CheckInOutcome, answering requested: String) async throws -> CheckInView {
        try await store { database in
            guard let entry = try database.logEntry(outcome.checkIn), let reference = entry.reference else {
                throw LanyardError(.storeFailure, "The check-in \(outcome.checkIn) remembered for this request is missing.")
            }
            guard reference.caseInsensitiveCompare(requested.trimmingCharacters(in: .whitespaces)) == .orderedSame else {
                throw LanyardError(
                    .conflict, "This request's nonce already checked in \(reference), not \(requested).",
                    remedy: "Send a new nonce with every check-in.")
            }
            let receipt = CheckInReceipt(
                delegate: try database.delegate(reference), entry: entry, isFirstCheckIn: outcome.isFirstCheckIn)
            return CheckInView(receipt, print: try outcome.printKey.flatMap { try database.printJob($0) }, printNote: outcome.printNote)
        }
    }

    /// Records that a delegate left the site: they leave the roll-call until they arrive again.
    public func checkOut(_ reference: String, by staff: String? = nil, at now: Date = Date()) async throws -> LogEntry {
        let station = name
        let entry = try await store { try $0.checkOut(reference: reference, station: station, staff: staff, at: now) }
        events.publish(.entry(entry))
        return entry
    }
}
