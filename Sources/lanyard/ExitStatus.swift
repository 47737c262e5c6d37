import ArgumentParser

/// The exit statuses scripts can rely on, as the README's table lists them.
enum ExitStatus: Int32, CaseIterable {
    case success = 0
    case failure = 1
    case notFound = 2
    /// A refused action: a cancelled registration.
    case refused = 3
    /// An import that skipped rows.
    case importSkippedRows = 4
    /// A badge not valid, or an entry denied.
    case denied = 5
    /// A badge queued but not printed yet (it stays in the queue), or a batch with badges left out.
    case notPrintedYet = 6
    case usage = 64

    var exitCode: ExitCode { ExitCode(rawValue) }
}
