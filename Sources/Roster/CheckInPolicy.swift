public import Foundation

/// Decides a check-in at a desk: pure, so that the desk, the server and sync agree.
public enum CheckInPolicy {
    /// The check-in to record, or nil when `earlier` already counts.
    ///
    /// - Parameters:
    ///   - delegate: Who is arriving.
    ///   - earlier: Their first check-in, when there is one.
    ///   - station: Where they are arriving.
    ///   - force: An organiser's override for a cancelled registration.
    ///   - now: The time of arrival.
    /// - Throws: ``LanyardError`` `registrationCancelled` for a cancelled registration without `force`.
    public static func decide(
        _ delegate: Delegate, earlier: LogEntry?, station: String, force: Bool, now: Date
    ) throws -> LogEntry? {
        if earlier != nil { return nil }
        if delegate.status == .cancelled && !force {
            throw LanyardError(
                .registrationCancelled, "The registration of \(delegate.displayName) (\(delegate.reference)) is cancelled.",
                remedy: "An organiser can check them in anyway with --force; the override is recorded.")
        }
        var details: [String: String] = [:]
        if delegate.status == .cancelled { details["forced"] = "true" }
        return LogEntry(at: now, kind: .checkIn, reference: delegate.reference, station: station, details: details)
    }
}
