public import Roster

/// What a check-in answered: `{delegate, firstCheckIn, forced, checkIn, print?, printNote?}`. When `firstCheckIn`
/// is false, `checkIn` is the earlier check-in of the same day.
public struct CheckInView: Encodable, Sendable {
    public let delegate: DelegateView
    public let firstCheckIn: Bool
    public let forced: Bool
    public let checkIn: LogEntry
    /// The badge's print job, when one was asked for and made.
    public let print: PrintJob?
    /// Why no badge was printed although one was asked for (the delegate has one already).
    public let printNote: String?

    public init(_ receipt: CheckInReceipt, print: PrintJob?, printNote: String?) {
        delegate = DelegateView(receipt.delegate)
        firstCheckIn = receipt.isFirstCheckIn
        forced = receipt.wasForced
        checkIn = receipt.entry
        self.print = print
        self.printNote = printNote
    }

    /// The same answer with the print job as it stands now.
    public init(_ view: CheckInView, print: PrintJob) {
        delegate = view.delegate
        firstCheckIn = view.firstCheckIn
        forced = view.forced
        checkIn = view.checkIn
        self.print = print
        printNote = view.printNote
    }
}
