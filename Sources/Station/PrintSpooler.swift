public import BadgeRendering
import Badges
public import Foundation
public import Printing
public import Roster
import RosterStore

/// Gets badges out of label printers and never loses one.
///
/// Requests are stored with an idempotency key before anything else, so a retried request or a restart never
/// prints twice and a crash never drops a badge. Each ``step(now:)`` advances every unfinished job: render for the
/// target printer's profile, submit, follow; a job whose printer faults, stops or makes no progress within the stall
/// timeout is cancelled there and sent to the next healthy printer of the route.
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

        public init(
            route: [String] = [], stallTimeout: TimeInterval = 30, profiles: [PrinterProfile] = [],
            queueProfiles: [String: String] = [:]
        ) {
            self.route = route
            self.stallTimeout = stallTimeout
            self.profiles = profiles
            self.queueProfiles = queueProfiles
        }
    }

    public let desk: BadgeDesk
    public let printer: any BadgePrinter
    public let probe: any PrinterProbe
    public let configuration: Configuration
    private let spool: URL

    public init(
        desk: BadgeDesk, printer: any BadgePrinter, probe: any PrinterProbe = ZebraStatusProbe(), spool: URL,
        configuration: Configuration
    ) {
        self.desk = desk
        self.printer = printer
        self.probe = probe
        self.spool = spool
        self.configuration = configuration
    }

    /// Asks for a delegate's badge to be printed. The same `key` again returns the first request's job.
    /// - Parameter preferredQueue: A queue or profile name to try first.
    public func request(reference: String, key: String, station: String, preferredQueue: String? = nil, at now: Date = Date()) throws
        -> PrintJob
    {
        let delegate = try desk.database.delegate(reference)
        return try desk.database.enqueuePrint(
            PrintJob(key: key, reference: delegate.reference, station: station, preferredQueue: preferredQueue, at: now)).0
    }

    /// Advances every unfinished job once.
    public func step(now: Date = Date()) throws -> [PrintEvent] {
        let keys = try desk.database.unfinishedPrintJobs().map(\.key)
        guard !keys.isEmpty else { return [] }
        let printers = try printer.printers()
        // Each job is read afresh: advancing one may move others (clearing a printer fails over all it held).
        return try keys.flatMap { key in
            guard let job = try desk.database.printJob(key), job.state != .printed else { return [PrintEvent]() }
            return try advance(job, printers: printers, now: now)
        }
    }

    /// Steps until `key` has printed or `timeout` passes, reporting each event.
    public func wait(for key: String, timeout: TimeInterval, poll: TimeInterval = 0.5, onEvent: (PrintEvent) -> Void) async throws -> PrintJob? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            try step().forEach(onEvent)
            if let job = try desk.database.printJob(key), job.state == .printed { return job }
            try await Task.sleep(for: .seconds(poll))
        }
        return try desk.database.printJob(key)
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
            try desk.database.updatePrint(job)
            return []
        case .submitted:
            return try follow(&job, printers: printers, now: now)
        case .printed:
            return []
        }
    }

    private func submit(_ job: inout PrintJob, printers: [PrinterStatus], now: Date) throws -> [PrintEvent] {
        let candidates = route(for: job, printers: printers)
        guard let target = candidates.first(where: { queue in !job.triedQueues.contains(queue) }) else {
            // Every printer of the route failed this badge: start over, and wait for one to be healthy.
            job.triedQueues = []
            let reason = candidates.isEmpty ? "no healthy printer" : "every printer failed this badge; trying again"
            job.message = reason
            job.updatedAt = now
            try desk.database.updatePrint(job)
            return [.waiting(key: job.key, reason: reason)]
        }
        if job.code == nil {
            let (_, token) = try desk.issueBadge(reference: job.reference, station: job.station, at: now)
            job.code = token.text
            job.serial = Int(token.claims.serial)
        }
        let profile = profile(for: target)
        let (document, format) = try render(job, for: target, profile: profile)
        job.state = .submitting
        job.queue = target
        job.document = document.path
        job.format = format == .raw ? "zpl" : "pdf"
        job.updatedAt = now
        try desk.database.updatePrint(job)
        var options = profile?.jobOptions ?? [:]
        if profile == nil, let media = printers.first(where: { $0.name == target })?.mediaDefault { options["media"] = media }
        do {
            let id = try printer.submit(document, format: format, to: target, title: title(job), options: options)
            job.state = .submitted
            job.cupsJobID = id
            job.submittedAt = now
            job.message = "printing on \(target)"
            job.updatedAt = now
            try desk.database.updatePrint(job)
            return [.submitted(key: job.key, queue: target, jobID: id)]
        } catch {
            return try failOver(&job, from: target, reason: "\(error)", now: now)
        }
    }

    private func follow(_ job: inout PrintJob, printers: [PrinterStatus], now: Date) throws -> [PrintEvent] {
        guard let queue = job.queue, let id = job.cupsJobID else {
            job.state = .queued
            try desk.database.updatePrint(job)
            return []
        }
        let status = try printer.job(id, on: queue)
        let printerStatus = printers.first { $0.name == queue }
        let isStalled = now.timeIntervalSince(job.submittedAt ?? now) > configuration.stallTimeout
        if status.state == .completed || (isStalled && status.state == .processing),
            let deviceURI = printerStatus?.deviceURI, profile(for: queue)?.status != nil,
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
                let reason = "printer does not answer: \(why)"
                return try moveOn(&job, from: queue, id: id, clearing: nil, reason: reason, now: now)
            }
        }
        if status.state == .completed { return try markPrinted(&job, on: queue, now: now) }
        let reason: String? =
            if status.state.hasFailed { "job \(status.state.rawValue)" }
            else if let printerStatus, !printerStatus.isHealthy {
                "printer \(printerStatus.state.rawValue)\(printerStatus.reasons.isEmpty ? "" : ": " + printerStatus.reasons.joined(separator: ", "))"
            } else if printerStatus == nil { "queue removed" }
            else if isStalled { "no progress for \(Int(configuration.stallTimeout)) s" }
            else { nil }
        guard let reason else { return [] }
        return try moveOn(&job, from: queue, id: id, clearing: nil, reason: reason, now: now)
    }

    private func markPrinted(_ job: inout PrintJob, on queue: String, now: Date) throws -> [PrintEvent] {
        job.state = .printed
        job.message = "printed on \(queue)"
        job.updatedAt = now
        try desk.database.updatePrint(job)
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
        for var other in try desk.database.unfinishedPrintJobs() where other.state == .submitted && other.queue == queue {
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
        try desk.database.updatePrint(job)
        return [.failedOver(key: job.key, from: queue, reason: reason)]
    }

    /// The route for `job`: its preferred queue first, then the station's, keeping only healthy queues.
    private func route(for job: PrintJob, printers: [PrinterStatus]) -> [String] {
        let healthy = Set(printers.filter(\.isHealthy).map(\.name))
        let preferred = job.preferredQueue.map { [$0] } ?? []
        let order = preferred + (configuration.route.isEmpty ? printers.map(\.name) : configuration.route)
        var seen = Set<String>()
        return order.filter { healthy.contains($0) && seen.insert($0).inserted }
    }

    private func profile(for queue: String) -> PrinterProfile? {
        let name = configuration.queueProfiles[queue] ?? queue
        return configuration.profiles.first { $0.name == name }
    }

    /// Renders the job's badge for `queue`: its profile's template and format, or a PDF of the default template.
    private func render(_ job: PrintJob, for queue: String, profile: PrinterProfile?) throws -> (URL, DocumentFormat) {
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        let template = try BadgeStudio.template(named: profile?.template)
        let delegate = try desk.database.delegate(job.reference)
        let content = BadgeContent(delegate: delegate, event: desk.event, categories: try desk.database.categories(), code: job.code ?? "")
        let isZPL = profile?.format == .zpl
        let safeKey = job.key.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }
        let url = spool.appendingPathComponent("\(String(safeKey))-\(queue).\(isZPL ? "zpl" : "pdf")")
        try BadgeRenderer(template: template).render(content, format: isZPL ? .zpl : .pdf, to: url)
        return (url, isZPL ? .raw : .pdf)
    }

    private func title(_ job: PrintJob) -> String { "lanyard:\(job.key)" }
}
