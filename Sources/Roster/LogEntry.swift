public import Foundation

/// One row of the append-only on-site log: a check-in, a badge issue, a scan.
///
/// Rows are never changed or removed; every figure organisers see (arrivals, occupancy) is derived from them,
/// and their UUIDs let stations merge each other's logs without duplicates.
public struct LogEntry: Codable, Sendable, Equatable, Identifiable {
    /// What happened.
    public struct Kind: RawRepresentable, Codable, Sendable, Hashable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A delegate arrived at a desk.
        public static let checkIn = Kind(rawValue: "check-in")
        /// A badge was issued (first print or reprint).
        public static let badgeIssued = Kind(rawValue: "badge-issued")
        /// A badge was revoked: it no longer opens doors.
        public static let badgeRevoked = Kind(rawValue: "badge-revoked")
        /// A badge was scanned at a door.
        public static let scan = Kind(rawValue: "scan")
    }

    public var id: UUID
    /// When it happened.
    public var at: Date
    public var kind: Kind
    /// The delegate concerned, by reference.
    public var reference: String?
    /// The station (desk or door) where it happened.
    public var station: String
    /// Kind-specific facts, such as `forced` for an organiser's override.
    public var details: [String: String]

    public init(
        id: UUID = UUID(), at: Date = Date(), kind: Kind, reference: String?, station: String,
        details: [String: String] = [:]
    ) {
        self.id = id
        self.at = at
        self.kind = kind
        self.reference = reference
        self.station = station
        self.details = details
    }
}
