public import Foundation

/// What the print spooler needs from a print system: queue states, submitting, following and cancelling jobs.
/// ``CupsConnection`` is the real one.
public protocol BadgePrinter: Sendable {
    /// Every queue the print system has, with its state.
    func printers() throws -> [PrinterStatus]
    /// Submits `document` to `queue` as job `title`; returns the job's id.
    func submit(_ document: URL, format: DocumentFormat, to queue: String, title: String, options: [String: String]) throws -> Int
    /// The state of job `id` on `queue`.
    func job(_ id: Int, on queue: String) throws -> PrintJobStatus
    /// The id of an unfinished or finished job titled `title` on `queue`, if any (to resume after a crash).
    func findJob(titled title: String, on queue: String) throws -> Int?
    /// Cancels job `id` on `queue` so that it never prints there.
    func cancel(_ id: Int, on queue: String) throws
}

/// The document formats Lanyard sends.
public enum DocumentFormat: String, Codable, Sendable {
    case pdf = "application/pdf"
    /// Raw bytes for a raw queue (ZPL for Zebra printers).
    case raw = "application/vnd.cups-raw"
}
