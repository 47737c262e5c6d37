/// What a scanner reader reports.
public enum ScannerEvent: Sendable, Equatable {
    /// A complete scan.
    case scan(String)
    /// A frame abandoned part-way; what had arrived.
    case partialDiscarded(String)
    /// The same code within the duplicate window, counted once.
    case duplicate(String)
    /// The device went away (unplugged); the reader waits for it to return.
    case disconnected(String)
    /// The device is back.
    case reconnected(String)

    init(_ event: ScanFramer.Event) {
        switch event {
        case .scan(let code): self = .scan(code)
        case .partialDiscarded(let partial): self = .partialDiscarded(partial)
        case .duplicate(let code): self = .duplicate(code)
        }
    }
}
