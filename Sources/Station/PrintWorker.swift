public import Logging
public import ServiceLifecycle

/// The station's print queue worker: steps the ``PrintSpooler`` until the service group shuts down, so badges
/// requested at the desk (or left queued by a crash or a printer fault) keep moving towards a printer.
///
/// A step is never interrupted: graceful shutdown (SIGTERM) ends the wait between steps, and every job stays in the
/// store to resume at the next start.
public struct PrintWorker: Service {
    public let spooler: PrintSpooler
    /// How long to wait between steps.
    public let interval: Duration
    private let logger: Logger
    private let onEvent: @Sendable (PrintEvent) -> Void

    /// - Parameter onEvent: Called with every state change, for the desk and the dashboard.
    public init(
        spooler: PrintSpooler, interval: Duration = .milliseconds(500), logger: Logger,
        onEvent: @escaping @Sendable (PrintEvent) -> Void = { _ in }
    ) {
        self.spooler = spooler
        self.interval = interval
        self.logger = logger
        self.onEvent = onEvent
    }

    public func run() async throws {
        logger.info("Print worker started", metadata: ["route": "\(spooler.configuration.route)"])
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                for event in try spooler.step() {
                    logger.info("\(event)")
                    onEvent(event)
                }
            } catch {
                // The store or CUPS failed this once; the jobs are kept and the next step tries again.
                logger.error("A print step failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
        logger.info("Print worker stopped")
    }
}
