import Foundation

/// Whether a printer answers on its connection at all. CUPS's socket backend cannot say: for a printer that
/// refuses connections (off, unplugged, a wrong address) its queue stays `processing` with no state reason, and it
/// retries for as long as it is let. ``RawPortReachability`` is the real one.
public protocol PrinterReachability: Sendable {
    /// Whether the printer at `deviceURI` can be reached now, or nil when that cannot be checked directly (a USB
    /// or IPP printer: CUPS's own state is all there is).
    func check(_ deviceURI: String) -> Reachability?
}

/// What a reachability check found.
public enum Reachability: Sendable, Equatable {
    case reachable
    /// It did not answer, and why (`Connection refused`, `no answer within 1.5 s`).
    case unreachable(String)

    public var isReachable: Bool { self == .reachable }
}

/// Connects to a `socket://` printer's raw port and closes again at once: a refused connection is known at once,
/// a printer that does not answer within ``timeout``.
public struct RawPortReachability: PrinterReachability {
    public var timeout: Double

    public init(timeout: Double = 1.5) {
        self.timeout = timeout
    }

    public func check(_ deviceURI: String) -> Reachability? {
        guard let port = RawPort(deviceURI: deviceURI) else { return nil }
        do {
            close(try port.connect(timeout: timeout))
            return .reachable
        } catch {
            return .unreachable("\(error)")
        }
    }
}

extension Reachability: Codable {
    private enum CodingKeys: String, CodingKey { case reachable, reason }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self =
            try container.decode(Bool.self, forKey: .reachable)
            ? .reachable : .unreachable(try container.decodeIfPresent(String.self, forKey: .reason) ?? "")
    }

    /// `{reachable: true}` or `{reachable: false, reason}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(isReachable, forKey: .reachable)
        if case .unreachable(let reason) = self { try container.encode(reason, forKey: .reason) }
    }
}
