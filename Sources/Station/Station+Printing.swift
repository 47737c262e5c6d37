import Foundation
public import PrintQueue
public import Roster
import RosterStore

extension Station {
    /// Asks for a delegate's badge to be printed on the station's printers (a reprint when they have one: the old
    /// badge stops working once the new one is rendered). The request is stored before anything else, so it is
    /// kept while CUPS is down; the same `key` again is the same job and never prints twice.
    /// - Parameters:
    ///   - key: An idempotency key; a new one when nil.
    ///   - printer: A queue or profile to print on first.
    ///   - reason: Why it is reprinted (a lost badge, a corrected name), for the log.
    ///   - staff: Who asked, recorded on the badge issued.
    public func print(
        _ reference: String, key: String? = nil, printer: String? = nil, reason: String? = nil, by staff: String? = nil
    ) async throws -> PrintJob {
        try FieldLimit.check(reason, "reason")
        let station = name
        let job = try await store { database in
            let delegate = try database.delegate(reference)
            let job = PrintJob(
                key: key ?? "print-\(UUID().uuidString)", reference: delegate.reference, station: station, staff: staff,
                preferredQueue: printer, reason: reason, at: Date())
            return try database.enqueuePrint(job).0
        }
        events.publish(.printJob(job))
        printWorker.wake()
        return job
    }

    /// The print job with `key`.
    /// - Throws: ``LanyardError`` `notFound`.
    public func printJob(_ key: String) async throws -> PrintJob {
        guard let job = try await store({ try $0.printJob(key) }) else {
            throw LanyardError(.notFound, "There is no print job \(key).", remedy: "Check the job's key.")
        }
        return job
    }

    /// Follows a print job until it has ended (printed or failed) or `timeout` passes, calling `onChange` with each
    /// new state (the desk's "printing on Desk 2", "moved to Desk 3: out of labels", "printed").
    /// - Returns: The job as it stands at the end.
    public func follow(_ key: String, timeout: Duration, onChange: @Sendable (PrintJob) -> Void = { _ in }) async throws -> PrintJob {
        let updates = events.subscribe()
        var job = try await printJob(key)
        onChange(job)
        let deadline = ContinuousClock.now + timeout
        let changes = AsyncStream<PrintJob> { continuation in
            let task = Task {
                for await case .printJob(let changed) in updates where changed.key == key { continuation.yield(changed) }
            }
            // The store is asked too, in case another process prints the job.
            let poll = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(250))
                    if let stored = try? await printJob(key) { continuation.yield(stored) }
                }
            }
            let timer = Task {
                try? await Task.sleep(until: deadline)
                continuation.finish()
            }
            continuation.onTermination = { _ in [task, poll, timer].forEach { $0.cancel() } }
        }
        for await changed in changes where changed != job {
            job = changed
            onChange(job)
            if job.state.isFinished { break }
        }
        return job
    }

    /// The station's printers (its route, then the CUPS server's other queues): state, profile, and whether each
    /// printer answers on its connection.
    /// - Throws: ``LanyardError`` `printSystemFailure` when CUPS is not answering.
    public func printers() async throws -> [QueueState] {
        let spooler = printWorker.spooler
        return try await DispatchQueue.blocking.perform { try spooler.queueStates() }
    }

    /// Runs the print worker until `body` returns: a command that prints steps the queue while it waits. When a
    /// station server holds the data folder, its worker prints, and this one does not step the queue too.
    public func printing<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        if ServerLock.holder(of: configuration.data) != nil { return try await body() }
        let worker = Task { [printWorker] in try await printWorker.run() }
        defer { worker.cancel() }
        return try await body()
    }
}

extension Station {
    /// The print jobs not finished yet, oldest first.
    public func waitingPrintJobs() async throws -> [PrintJob] {
        try await store { try $0.unfinishedPrintJobs() }
    }

    /// Prints the badges waiting in the queue (after CUPS or a printer came back) until none is left or `timeout`
    /// passes.
    /// - Returns: The jobs still waiting.
    public func printWaiting(timeout: Duration) async throws -> [PrintJob] {
        try await printing {
            let deadline = ContinuousClock.now + timeout
            var waiting = try await waitingPrintJobs()
            while !waiting.isEmpty && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(250))
                waiting = try await waitingPrintJobs()
            }
            return waiting
        }
    }
}
