public import Foundation

/// One row of the append-only on-site log: a check-in, a badge issue or revocation, a scan, a print.
///
/// Rows are never changed or removed; every figure organisers see (arrivals, occupancy) is derived from them, and
/// their UUIDs let stations merge each other's logs without duplicates. Their JSON shape carries
/// ``schemaVersion``, since stations exchange them: `{schema, id, at, kind, reference, station, sequence, staff,
/// details}`.
public struct LogEntry: Codable, Sendable, Equatable, Identifiable {
    /// The version of the entry's JSON shape; a change that old readers would misread gets a new version.
    public static let schemaVersion = 1

    public var id: UUID
    /// When it happened.
    public var at: Date
    /// The delegate concerned, by reference (nil for a scan of a code that names nobody on the roster).
    public var reference: String?
    /// The station (desk or door) where it happened.
    public var station: String
    /// The station's own number for the entry: 1 for the first it stored, counting up, given when it is stored where
    /// it was made (nil before, and for entries stored before Lanyard numbered them). With ``station`` it names the
    /// entry in that station's order, which no clock can upset.
    public var sequence: Int64?
    /// The member of staff (or machine) who did it, when one was signed in.
    public var staff: String?
    /// What happened, typed by kind.
    public var details: LogDetails

    public init(
        id: UUID = UUID(), at: Date = Date(), reference: String?, station: String, sequence: Int64? = nil, staff: String? = nil,
        details: LogDetails
    ) {
        self.id = id
        self.at = at
        self.reference = reference
        self.station = station
        self.sequence = sequence
        self.staff = staff
        self.details = details
    }

    /// What the entry records.
    public var kind: LogKind { details.kind }

    private enum CodingKeys: String, CodingKey {
        case schema, id, at, kind, reference, station, sequence, staff, details
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let schema = try container.decodeIfPresent(Int.self, forKey: .schema) ?? Self.schemaVersion
        guard schema <= Self.schemaVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .schema, in: container,
                debugDescription: "Log entry schema \(schema) is newer than this station's \(Self.schemaVersion).")
        }
        id = try container.decode(UUID.self, forKey: .id)
        at = try container.decode(Date.self, forKey: .at)
        reference = try container.decodeIfPresent(String.self, forKey: .reference)
        station = try container.decode(String.self, forKey: .station)
        sequence = try container.decodeIfPresent(Int64.self, forKey: .sequence)
        staff = try container.decodeIfPresent(String.self, forKey: .staff)
        let kind = try container.decode(LogKind.self, forKey: .kind)
        details = try LogDetails(kind: kind, from: try container.superDecoder(forKey: .details))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schemaVersion, forKey: .schema)
        try container.encode(id, forKey: .id)
        try container.encode(at, forKey: .at)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(reference, forKey: .reference)
        try container.encode(station, forKey: .station)
        try container.encodeIfPresent(sequence, forKey: .sequence)
        try container.encodeIfPresent(staff, forKey: .staff)
        try details.encode(to: container.superEncoder(forKey: .details))
    }
}
