import Dispatch
import Foundation
public import Logging
import RosterStore
public import ServiceLifecycle
import Synchronization

/// The station's print queue worker: steps the ``PrintSpooler`` until the service group shuts down, so badges
/// requested at the desk (or left queued by a crash, a printer fault or CUPS being down) keep moving towards a
/// printer; and checks the station's printers every few seconds, reporting the ones that stop or start being usable.
///
/// Steps run on a dispatch queue of their own (libcups and SQLite block), never on Swift's cooperative pool. A
/// step is never interrupted: graceful shutdown (SIGTERM) ends the wait between steps, and every job stays in the
/// store to resume at the next start.
public final class PrintWorker: Service, Sendable {
    public let spooler: PrintSpooler
    /// How long to wait between steps when nothing asks for one sooner.
    public let interval: Duration
    /// How often the printers are checked.
    public let printerCheckInterval: Duration
    private let logger: Logger
    private let onEvent: @Sendable (PrintEvent) -> Void
    private let queue = DispatchQueue(label: "lanyard.print-worker")
    private let wakeSignal = WakeSignal()
    private let usable = Mutex<[String: Bool]>([:])

    /// - Parameter onEvent: Called with every job's and printer's change of state, for the desk and the dashboard.
    public init(
        spooler: PrintSpooler, interval: Duration = .milliseconds(500), printerCheckInterval: Duration = .seconds(5),
        logger: Logger, onEvent: @escaping @Sendable (PrintEvent) -> Void = { _ in }
    ) {
        self.spooler = spooler
        self.interval = interval
        self.printerCheckInterval = printerCheckInterval
        self.logger = logger
        self.onEvent = onEvent
    }

    /// Asks for a step now rather than at the end of the interval (a badge was just requested).
    public func wake() {
        wakeSignal.signal()
    }

    /// Steps the spooler once, off the cooperative pool, and reports what happened: the waiting jobs' submissions
    /// as soon as they are made, before the jobs already submitted are followed.
    public func step() async {
        await report { [spooler] in try spooler.submitWaiting() }
        await report { [spooler] in try spooler.followSubmitted() }
    }

    /// Withdraws job `key` between steps (see ``PrintSpooler/withdraw(_:reason:now:)``) and reports it.
    public func withdraw(_ key: String, reason: String) async {
        await report { [spooler] in try spooler.withdraw(key, reason: reason) }
    }

    private func report(_ work: @escaping @Sendable () throws -> [PrintEvent]) async {
        do {
            for event in try await queue.perform(work) {
                logger.info("\(event)", metadata: ["job": "\(event.key ?? "")"])
                onEvent(event)
            }
        } catch {
            // The store failed this once; the jobs are kept and the next step tries again.
            logger.error("A print step failed", metadata: ["error": "\(error)"])
        }
    }

    /// Checks the printers once, off the cooperative pool, and reports those whose usability changed.
    public func checkPrinters() async {
        guard let states = try? await queue.perform({ [spooler] in try spooler.queueStates() }) else { return }
        for state in states {
            let changed = usable.withLock { known in
                defer { known[state.queue] = state.isUsable }
                return known[state.queue] != state.isUsable
            }
            if changed { onEvent(.printerChanged(queue: state.queue, isUsable: state.isUsable, reason: state.problem)) }
        }
    }

    public func run() async throws {
        logger.info("Print worker started", metadata: ["route": "\(spooler.configuration.route)"])
        let clock = ContinuousClock()
        var nextCheck = clock.now
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            if clock.now >= nextCheck {
                await checkPrinters()
                nextCheck = clock.now + printerCheckInterval
            }
            await step()
            // Wait for the interval, or less when woken; a graceful shutdown ends the wait.
            await cancelWhenGracefulShutdown { [wakeSignal, interval] in await wakeSignal.wait(timeout: interval) }
        }
        logger.info("Print worker stopped")
    }
}
