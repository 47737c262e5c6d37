/// Something that yields scans: a scanner device (``DeviceScanner``), or a page's input relayed by the server.
public protocol ScannerInput: Sendable {
    /// Scans and device changes as they happen, until the consuming task is cancelled or the input ends.
    func events() -> AsyncStream<ScannerEvent>
}
