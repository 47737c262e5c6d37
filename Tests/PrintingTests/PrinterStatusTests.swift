import Printing
import Testing

/// Which printer states send a badge elsewhere. The state reasons below (media-empty, offline …) come from real
/// printers' drivers and SNMP; the socket backend of the stand-in printers cannot produce them, so they are
/// checked here on the status the spooler reads.
@Suite struct PrinterStatusTests {
    @Test(arguments: [
        ([String](), PrinterStatus.State.idle, true, true),
        ([], .processing, true, true),
        (["media-empty-error"], .idle, true, false),
        (["media-empty"], .processing, true, false),
        (["media-jam-error"], .idle, true, false),
        (["offline-report"], .idle, true, false),
        (["paused"], .stopped, true, false),
        // Set at the start of every connection, so no sign of a fault: whether the printer answers is asked of it.
        (["connecting-to-device"], .processing, true, true),
        (["cover-open-error"], .idle, true, false),
        (["toner-low-warning"], .idle, true, true),
        (["media-low-report"], .idle, true, true),
        ([], .idle, false, false),
        ([], .stopped, true, false),
    ])
    func aPrinterIsHealthyOnlyWhenABadgeSentNowWouldComeOut(reasons: [String], state: PrinterStatus.State, accepting: Bool, healthy: Bool) {
        let status = PrinterStatus(name: "desk1", state: state, reasons: reasons, isAcceptingJobs: accepting)
        #expect(status.isHealthy == healthy)
    }
}
