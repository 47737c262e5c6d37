/// Asks a label printer directly how it is. CUPS's socket backend cannot tell a badge that printed from one the
/// printer lost (port 9100 has no acknowledgement), so after a job, and when one seems stalled, the spooler asks
/// the printer. ``ZebraStatusProbe`` is the real one.
public protocol PrinterProbe: Sendable {
    /// The condition of the printer at `deviceURI` (a queue's `socket://host:port`), or nil when it cannot be
    /// asked directly (a USB or IPP printer: CUPS's own state is all there is).
    func condition(of deviceURI: String) -> PrinterCondition?
    /// Drops the labels the printer holds, so that a badge moved to another printer does not also print here when
    /// this one recovers.
    func clearHeldLabels(at deviceURI: String)
}
