public import BadgeRendering
public import Foundation
public import Printing
public import Roster
public import RosterStore

/// Gets badges out of label printers and never loses one.
///
/// Requests are stored with an idempotency key before anything else (CUPS need not be up), so a retried request or
/// a restart never prints twice and a crash never drops a badge. Each ``step(now:)`` advances every unfinished job:
/// render for the target printer's profile, submit, follow; a job whose printer faults, stops, cannot be reached or
/// makes no progress within the stall timeout is cancelled there and sent to the next usable printer of the route.
/// A job that cannot be printed at all (its badge does not render, CUPS lost it) becomes `failed` with its reason,
/// and the jobs behind it go on. While CUPS is down, every job waits.
///
/// A printer that refuses connections leaves its CUPS queue `processing` with no state reason, so the spooler asks
/// the printer's port itself (``PrinterReachability``) before sending it a badge and when a badge has not come out
/// soon after; one found unreachable is skipped by later badges until it answers again.
///
/// CUPS's socket backend reports a job completed once the kernel has taken its bytes, even if the printer then
/// loses the label, and a printer that keeps the connection open after printing looks stalled. So a printer whose
/// profile allows it (``PrinterProfile/status``) is asked directly, through the ``PrinterProbe``, when CUPS says
/// completed and when a job seems stalled: a printer that holds no label any more has printed it (even if it ran
/// out of paper just after); one that is healthy and still holds labels is printing them, and is waited for; one
/// that still holds labels while faulted, or does not answer, has not printed, and the badge moves on (the labels
/// it holds are cleared first, so they cannot also print when it recovers, and every badge among them moves on).
public struct PrintSpooler: Sendable {
    public struct Configuration: Sendable {
        /// Queues in order of preference: the station's primary printer, then its fallbacks. Empty: every queue the
        /// server has, by name.
        public var route: [String]
        /// How long a job may go without printing before it is moved to another printer.
        public var stallTimeout: TimeInterval
        /// Printer profiles (`Hardware/printers`).
        public var profiles: [PrinterProfile]
        /// The profile of each queue not named after its profile (queue name → profile name).
        public var queueProfiles: [String: String]
        /// How soon after submitting a badge that has not come out the printer's connection is checked.
        public var reachabilityGrace: TimeInterval

        public init(
            route: [String] = [], stallTimeout: TimeInterval = 30, profiles: [PrinterProfile] = [],
            queueProfiles: [String: String] = [:], reachabilityGrace: TimeInterval = 1.5
        ) {
            self.route = route
            self.stallTimeout = stallTimeout
            self.profiles = profiles
            self.queueProfiles = queueProfiles
            self.reachabilityGrace = reachabilityGrace
        }

        /// The profile of `queue`: the one given for it, or the one it is named after; nil when neither is known.
        public func profile(for queue: String) -> PrinterProfile? {
            let name = queueProfiles[queue] ?? queue
            return profiles.first { $0.name == name }
        }
    }

    public let store: RosterDatabase
    public let badges: any BadgeMaker
    public let printer: any BadgePrinter
    public let probe: any PrinterProbe
    public let configuration: Configuration
    private let spool: URL
    private let book: ReachabilityBook

    public init(
        store: RosterDatabase, badges: any BadgeMaker, printer: any BadgePrinter, probe: any PrinterProbe = ZebraStatusProbe(),
        reachability: any PrinterReachability = RawPortReachability(), spool: URL, configuration: Configuration
    ) {
        self.store = store
        self.badges = badges
        self.printer = printer
        self.probe = probe
        self.spool = spool
        self.configuration = configuration
        self.book = ReachabilityBook(reachability: reachability, reachableFor: 10, recheckEvery: 3)
    }

    /// Asks for a delegate's badge to be printed. The same `key` again returns the first request's job. Only the
    /// store is touched: the request is kept even while CUPS is down.
    /// - Parameter preferredQueue: A queue or profile name to try first.
    public func request(
        reference: String, key: String, station: String, preferredQueue: String? = nil, at now: Date = Date()
    ) throws
        -> PrintJob
    {
        let delegate = try store.delegate(reference)
        return try store.enqueuePrint(
            PrintJob(key: key, reference: delegate.reference, station: station, preferredQueue: preferredQueue, at: now)
        ).0
    }

    /// Advances every unfinished job once: the new ones first, then those the print system holds.
    /// - Throws: ``LanyardError`` only when the store fails; each job's own failure is recorded on the job.
    public func step(now: Date = Date()) throws -> [PrintEvent] {
        try submitWaiting(now: now) + followSubmitted(now: now)
    }

    /// Hands every job waiting for a printer to one: what a desk that just checked someone in waits for.
    /// - Throws: ``LanyardError`` only when the store fails; each job's own failure is recorded on the job.
    public func submitWaiting(now: Date = Date()) throws -> [PrintEvent] {
        try advance(now: now) { $0 != .submitted }
    }

    /// Follows every job the print system holds until it prints, moving it on from a printer that fails it.
    /// - Throws: ``LanyardError`` only when the store fails; each job's own failure is recorded on the job.
    public func followSubmitted(now: Date = Date()) throws -> [PrintEvent] {
        try advance(now: now) { $0 == .submitted }
    }

    private func advance(now: Date, jobsIn include: (PrintJob.State) -> Bool) throws -> [PrintEvent] {
        let keys = try store.unfinishedPrintJobs().filter { include($0.state) }.map(\.key)
        guard !keys.isEmpty else { return [] }
        let printers: [PrinterStatus]
        do {
            printers = try printer.printers()
        } catch let error as LanyardError where error.code == .printSystemFailure {
            return try keys.flatMap { try wait($0, reason: error.message, now: now) }
        }
        // Each job is read afresh: advancing one may move others (clearing a printer fails over all it held).
        return try keys.flatMap { key -> [PrintEvent] in
            guard let job = try store.printJob(key), !job.state.isFinished else { return [] }
            do {
                return try advance(job, printers: printers, now: now)
            } catch let error as LanyardError where Self.isTransient(error) {
                if error.code == .printSystemFailure { return try wait(key, reason: error.message, now: now) }
                throw error
            } catch {
                return try fail(key, reason: (error as? LanyardError)?.message ?? "\(error)", now: now)
            }
        }
    }

    /// Withdraws a job that must no longer print (the check-in it was for was undone): taken back from its print
    /// queue if it is there, and ended as failed with `reason`. A job that has ended is left as it is.
    /// - Returns: What happened to the job; nothing when it had ended or does not exist.
    public func withdraw(_ key: String, reason: String, now: Date = Date()) throws -> [PrintEvent] {
        guard let job = try store.printJob(key), !job.state.isFinished else { return [] }
        if let queue = job.queue, let id = job.cupsJobID { try? printer.cancel(id, on: queue) }
        return try fail(key, reason: reason, now: now)
    }

    /// Each queue of the route (or of the server), whether a badge sent to it now would print, and why not: CUPS's
    /// state and the printer's own connection, checked afresh.
    public func queueStates(now: Date = Date()) throws -> [QueueState] {
        let printers = try printer.printers()
        let names = configuration.route.isEmpty ? printers.map(\.name) : configuration.route
        return names.map { name in
            guard let status = printers.first(where: { $0.name == name }) else {
                return QueueState(queue: name, status: nil, profile: configuration.profile(for: name)?.name, reachability: nil)
            }
            let reachability = book.check(name, deviceURI: status.deviceURI, now: now, since: now)
            return QueueState(queue: name, status: status, profile: configuration.profile(for: name)?.name, reachability: reachability)
        }
    }

    /// Errors that say nothing about the job itself: the store or CUPS failed this once, or a badge was issued
    /// elsewhere meanwhile. The job is kept as it is and tried again.
    private static func isTransient(_ error: LanyardError) -> Bool {
        [.storeFailure, .storeBusy, .printSystemFailure, .conflict].contains(error.code)
    }

    private func advance(_ job: PrintJob, printers: [PrinterStatus], now: Date) throws -> [PrintEvent] {
        var job = job
        switch job.state {
        case .queued:
            return try submit(&job, printers: printers, now: now)
        case .submitting:
            // A crash between handing the badge to CUPS and recording it: ask the queue for the job by its name.
            if let queue = job.queue, let id = try? printer.findJob(titled: title(job), on: queue) {
                job.state = .submitted
                job.cupsJobID = id
                job.submittedAt = job.submittedAt ?? now
            } else {
                job.state = .queued
            }
            job.updatedAt = now
            try store.updatePrint(job)
            return []
        case .submitted:
            return try follow(&job, printers: printers, now: now)
        case .printed, .failed:
            return []
        }
    }

    private func submit(_ job: inout PrintJob, printers: [PrinterStatus], now: Date) throws -> [PrintEvent] {
        let candidates = route(for: job, printers: printers)
        let usable = candidates.filter { queue in
            guard let deviceURI = printers.first(where: { $0.name == queue })?.deviceURI else { return false }
            return book.check(queue, deviceURI: deviceURI, now: now)?.isReachable ?? true
        }
        guard let target = usable.first(where: { queue in !job.triedQueues.contains(queue) }) else {
            // Every usable printer of the route failed this badge: start over, and wait for one to be usable.
            job.triedQueues = []
            let reason = usable.isEmpty ? "no usable printer" : "every printer failed this badge; trying again"
            let isNews = job.message != reason
            job.message = reason
            job.updatedAt = now
            try store.updatePrint(job)
            return isNews ? [.waiting(key: job.key, reason: reason)] : []
        }
        let profile = configuration.profile(for: target)
        let (document, format, made) = try render(job, for: target, profile: profile, now: now)
        job.code = made.code
        job.serial = made.serial
        job.state = .submitting
        job.queue = target
        job.document = document.path
        job.format = format == .raw ? "zpl" : "pdf"
        job.updatedAt = now
        try store.updatePrint(job, issuing: made.issue)
        var options = profile?.jobOptions ?? [:]
        if profile == nil, let media = printers.first(where: { $0.name == target })?.mediaDefault { options["media"] = media }
        do {
            let id = try printer.submit(document, format: format, to: target, title: title(job), options: options)
            job.state = .submitted
            job.cupsJobID = id
            job.submittedAt = now
            job.message = "printing on \(target)"
            job.updatedAt = now
            try store.updatePrint(job)
            return [.submitted(key: job.key, queue: target, jobID: id)]
        } catch {
            return try failOver(&job, from: target, reason: (error as? LanyardError)?.message ?? "\(error)", now: now)
        }
    }

    private func follow(_ job: inout PrintJob, printers: [PrinterStatus], now: Date) throws -> [PrintEvent] {
        guard let queue = job.queue, let id = job.cupsJobID else {
            job.state = .queued
            try store.updatePrint(job)
            return []
        }
        let status: PrintJobStatus
        do {
            status = try printer.job(id, on: queue)
        } catch let error as LanyardError where error.code == .printJobUnknown {
            return try fail(
                job.key, reason: "CUPS no longer knows job \(id) on \(queue); reprint the badge if it did not come out", now: now)
        }
        let printerStatus = printers.first { $0.name == queue }
        let elapsed = now.timeIntervalSince(job.submittedAt ?? now)
        if status.state != .completed, !status.state.hasFailed, elapsed > configuration.reachabilityGrace,
            let deviceURI = printerStatus?.deviceURI, let submittedAt = job.submittedAt,
            // Asked once the grace has passed, then as often as the book asks a printer it knows.
            case .unreachable(let why) = book.check(
                queue, deviceURI: deviceURI, now: now, since: submittedAt.addingTimeInterval(configuration.reachabilityGrace))
        {
            return try moveOn(&job, from: queue, id: id, clearing: nil, reason: "printer cannot be reached: \(why)", now: now)
        }
        let isStalled = elapsed > configuration.stallTimeout
        if status.state == .completed || (isStalled && status.state == .processing),
            let deviceURI = printerStatus?.deviceURI, configuration.profile(for: queue)?.status != nil,
            let condition = probe.condition(of: deviceURI)
        {
            switch condition {
            case .ready(isIdle: true), .fault(_, isIdle: true):
                // Nothing is left inside: the badge came out (before any fault, which the next job will meet).
                if status.state != .completed { try? printer.cancel(id, on: queue) }  // the connection lingers
                return try markPrinted(&job, on: queue, now: now)
            case .ready(isIdle: false):
                return []  // healthy and still printing (this badge or the ones before it): no stall
            case .fault(let faults, isIdle: false):
                let reason = "printer reports \(faults.joined(separator: ", "))"
                return try moveOn(&job, from: queue, id: id, clearing: deviceURI, reason: reason, now: now)
            case .unreachable(let why):
                book.markUnreachable(queue, why, now: now)
                let reason = "printer does not answer: \(why)"
                return try moveOn(&job, from: queue, id: id, clearing: nil, reason: reason, now: now)
            }
        }
        if status.state == .completed { return try markPrinted(&job, on: queue, now: now) }
        let reason: String? =
            if status.state.hasFailed { "job \(status.state.rawValue)" } else if let printerStatus, !printerStatus.isHealthy {
                "printer \(printerStatus.state.rawValue)\(printerStatus.reasons.isEmpty ? "" : ": " + printerStatus.reasons.joined(separator: ", "))"
            } else if printerStatus == nil { "queue removed" } else if isStalled { "no progress for \(Int(configuration.stallTimeout)) s" } else {
                nil
            }
        guard let reason else { return [] }
        return try moveOn(&job, from: queue, id: id, clearing: nil, reason: reason, now: now)
    }

    private func markPrinted(_ job: inout PrintJob, on queue: String, now: Date) throws -> [PrintEvent] {
        job.state = .printed
        job.message = "printed on \(queue)"
        job.updatedAt = now
        try store.updatePrint(job)
        return [.printed(key: job.key, queue: queue)]
    }

    /// Cancels the job on `queue` and fails over; with `deviceURI`, first clears the labels that printer holds, and
    /// so fails over every other badge handed to it too (theirs were among them).
    private func moveOn(
        _ job: inout PrintJob, from queue: String, id: Int, clearing deviceURI: String?, reason: String, now: Date
    ) throws -> [PrintEvent] {
        try? printer.cancel(id, on: queue)
        guard let deviceURI else { return try failOver(&job, from: queue, reason: reason, now: now) }
        probe.clearHeldLabels(at: deviceURI)
        var events = try failOver(&job, from: queue, reason: reason, now: now)
        for var other in try store.unfinishedPrintJobs() where other.state == .submitted && other.queue == queue {
            if let otherID = other.cupsJobID { try? printer.cancel(otherID, on: queue) }
            events += try failOver(&other, from: queue, reason: "labels cleared after: \(reason)", now: now)
        }
        return events
    }

    private func failOver(_ job: inout PrintJob, from queue: String, reason: String, now: Date) throws -> [PrintEvent] {
        job.state = .queued
        job.triedQueues.append(queue)
        job.cupsJobID = nil
        job.submittedAt = nil
        job.message = "\(queue): \(reason)"
        job.updatedAt = now
        try store.updatePrint(job)
        return [.failedOver(key: job.key, from: queue, reason: reason)]
    }

    /// Ends the job as failed, with its reason for the desk.
    private func fail(_ key: String, reason: String, now: Date) throws -> [PrintEvent] {
        guard var job = try store.printJob(key) else { return [] }
        job.state = .failed
        job.message = reason
        job.updatedAt = now
        try store.updatePrint(job)
        return [.failed(key: key, reason: reason)]
    }

    /// Keeps the job waiting, saying why (once, not at every step).
    private func wait(_ key: String, reason: String, now: Date) throws -> [PrintEvent] {
        guard var job = try store.printJob(key), !job.state.isFinished, job.message != reason else { return [] }
        job.message = reason
        job.updatedAt = now
        try store.updatePrint(job)
        return [.waiting(key: key, reason: reason)]
    }

    /// The route for `job`: its preferred queue first, then the station's, keeping only queues CUPS finds healthy.
    private func route(for job: PrintJob, printers: [PrinterStatus]) -> [String] {
        let healthy = Set(printers.filter(\.isHealthy).map(\.name))
        let preferred = job.preferredQueue.map { [$0] } ?? []
        let order = preferred + (configuration.route.isEmpty ? printers.map(\.name) : configuration.route)
        var seen = Set<String>()
        return order.filter { healthy.contains($0) && seen.insert($0).inserted }
    }

    /// The format a printer with `profile` is sent: raw ZPL for a Zebra printing ZPL, a PDF otherwise.
    public static func renderFormat(for profile: PrinterProfile?) -> RenderFormat {
        profile?.format == .zpl ? .zpl : .pdf
    }

    /// Renders the job's badge for `queue`: its profile's template and format, or a PDF of the default template.
    private func render(
        _ job: PrintJob, for queue: String, profile: PrinterProfile?, now: Date
    ) throws
        -> (URL, DocumentFormat, MadeBadge)
    {
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        let format = Self.renderFormat(for: profile)
        let isZPL = format == .zpl
        let safeKey = job.key.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }
        let url = spool.appendingPathComponent("\(String(safeKey))-\(queue).\(isZPL ? "zpl" : "pdf")")
        let made = try badges.makeBadge(for: job, template: profile?.template, format: format, to: url, at: now)
        return (url, isZPL ? .raw : .pdf, made)
    }

    private func title(_ job: PrintJob) -> String { "lanyard:\(job.key)" }
}
