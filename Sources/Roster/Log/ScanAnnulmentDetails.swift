public import Foundation

/// A steward's mistaken scan annulled at its door within minutes: the scan stays in the log and no longer counts
/// (not as an entry, an exit or an arrival).
public struct ScanAnnulmentDetails: Codable, Sendable, Equatable {
    /// The scan annulled.
    public var scan: UUID
    public var reason: String?

    public init(scan: UUID, reason: String? = nil) {
        self.scan = scan
        self.reason = reason
    }
}
