/// A print queue as the desk and the dashboard see it.
public struct PrinterStatus: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        case idle, processing, stopped
    }

    /// The queue's name, as `lpstat` shows it.
    public var name: String
    public var state: State
    /// IPP `printer-state-reasons`: `media-empty-error`, `media-jam`, `offline-report`, `paused` …
    public var reasons: [String]
    /// What CUPS last said about the printer (`The printer may not exist or is unavailable at this time.`).
    public var message: String?
    public var isAcceptingJobs: Bool
    public var deviceURI: String
    public var makeAndModel: String
    public var mediaSupported: [String]
    public var mediaDefault: String?
    public var formatsSupported: [String]

    public init(
        name: String, state: State, reasons: [String], message: String? = nil, isAcceptingJobs: Bool, deviceURI: String = "",
        makeAndModel: String = "",
        mediaSupported: [String] = [], mediaDefault: String? = nil, formatsSupported: [String] = []
    ) {
        self.name = name
        self.state = state
        self.reasons = reasons
        self.message = message
        self.isAcceptingJobs = isAcceptingJobs
        self.deviceURI = deviceURI
        self.makeAndModel = makeAndModel
        self.mediaSupported = mediaSupported
        self.mediaDefault = mediaDefault
        self.formatsSupported = formatsSupported
    }

    /// Reasons that mean a badge sent now would not come out.
    public static let faultReasons: Set<String> = [
        "media-empty", "media-jam", "media-needed", "offline", "offline-report", "paused", "door-open", "cover-open",
        "marker-supply-empty", "input-tray-missing",
    ]

    /// Whether a badge sent now can be expected to print: accepting, not stopped, no fault reason.
    public var isHealthy: Bool {
        isAcceptingJobs && state != .stopped
            && !reasons.contains { reason in
                Self.faultReasons.contains(reason) || Self.faultReasons.contains(Self.base(of: reason)) || reason.hasSuffix("-error")
            }
    }

    /// `media-empty-error` → `media-empty`.
    private static func base(of reason: String) -> String {
        for suffix in ["-error", "-warning", "-report"] where reason.hasSuffix(suffix) {
            return String(reason.dropLast(suffix.count))
        }
        return reason
    }
}
