public import Foundation

/// Decides a check-in at a desk: pure, so that the desk, the server and sync agree.
///
/// A delegate arrives once per event day: the first check-in of a day is that day's arrival (so arrivals per day
/// and the roll-call count delegates returning on days 2 and 3); checking in again the same day changes nothing.
public enum CheckInPolicy {
    /// The check-in to record, or nil when `earlierToday` already counts.
    ///
    /// - Parameters:
    ///   - delegate: Who is arriving.
    ///   - earlierToday: Their check-in earlier on the same event day, when there is one.
    ///   - event: The event, for the day the arrival counts for.
    ///   - station: Where they are arriving.
    ///   - force: An organiser's override for a cancelled registration.
    ///   - now: The time of arrival.
    /// - Throws: ``LanyardError`` `registrationCancelled` for a cancelled registration without `force`.
    public static func decide(
        _ delegate: Delegate, earlierToday: LogEntry?, event: Event, station: String, force: Bool, now: Date
    ) throws -> LogEntry? {
        if earlierToday != nil { return nil }
        if delegate.status == .cancelled && !force {
            throw LanyardError(
                .registrationCancelled, "The registration of \(delegate.displayName) (\(delegate.reference)) is cancelled.",
                remedy: "An organiser can check them in anyway; the override is recorded.")
        }
        let details = CheckInDetails(day: event.arrivalDay(at: now), forced: delegate.status == .cancelled)
        return LogEntry(at: now, reference: delegate.reference, station: station, details: .checkIn(details))
    }
}
