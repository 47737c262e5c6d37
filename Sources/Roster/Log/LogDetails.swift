/// The facts of one log entry, typed by its kind. Defined once here, so that the store, the doors, attendance and
/// other stations read the same record the same way.
public enum LogDetails: Sendable, Equatable {
    case checkIn(CheckInDetails)
    case checkOut(CheckOutDetails)
    case badgeIssued(BadgeIssueDetails)
    case badgeRevoked(BadgeRevocationDetails)
    case scan(ScanDetails)
    case print(PrintDetails)
    case walkIn(WalkInDetails)
    case nameCorrected(NameCorrectionDetails)
    case flagged(FlagDetails)
    case flagAcknowledged(FlagAcknowledgementDetails)
    case checkInUndone(UndoDetails)
    case scanAnnulled(ScanAnnulmentDetails)

    public var kind: LogKind {
        switch self {
        case .checkIn: .checkIn
        case .checkOut: .checkOut
        case .badgeIssued: .badgeIssued
        case .badgeRevoked: .badgeRevoked
        case .scan: .scan
        case .print: .print
        case .walkIn: .walkIn
        case .nameCorrected: .nameCorrected
        case .flagged: .flagged
        case .flagAcknowledged: .flagAcknowledged
        case .checkInUndone: .checkInUndone
        case .scanAnnulled: .scanAnnulled
        }
    }

    /// The scan's details, when this is a scan.
    public var scan: ScanDetails? {
        if case .scan(let details) = self { details } else { nil }
    }

    /// The check-in's details, when this is a check-in.
    public var checkIn: CheckInDetails? {
        if case .checkIn(let details) = self { details } else { nil }
    }

    /// The badge issue's details, when this is one.
    public var badgeIssue: BadgeIssueDetails? {
        if case .badgeIssued(let details) = self { details } else { nil }
    }

    /// The revocation's details, when this is one.
    public var badgeRevocation: BadgeRevocationDetails? {
        if case .badgeRevoked(let details) = self { details } else { nil }
    }

    /// Decodes the details of a `kind` entry from `decoder` (the `details` object of an entry).
    public init(kind: LogKind, from decoder: any Decoder) throws {
        switch kind {
        case .checkIn: self = .checkIn(try CheckInDetails(from: decoder))
        case .checkOut: self = .checkOut(try CheckOutDetails(from: decoder))
        case .badgeIssued: self = .badgeIssued(try BadgeIssueDetails(from: decoder))
        case .badgeRevoked: self = .badgeRevoked(try BadgeRevocationDetails(from: decoder))
        case .scan: self = .scan(try ScanDetails(from: decoder))
        case .print: self = .print(try PrintDetails(from: decoder))
        case .walkIn: self = .walkIn(try WalkInDetails(from: decoder))
        case .nameCorrected: self = .nameCorrected(try NameCorrectionDetails(from: decoder))
        case .flagged: self = .flagged(try FlagDetails(from: decoder))
        case .flagAcknowledged: self = .flagAcknowledged(try FlagAcknowledgementDetails(from: decoder))
        case .checkInUndone: self = .checkInUndone(try UndoDetails(from: decoder))
        case .scanAnnulled: self = .scanAnnulled(try ScanAnnulmentDetails(from: decoder))
        }
    }

    /// Encodes the details alone (an entry's `details` object).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .checkIn(let details): try details.encode(to: encoder)
        case .checkOut(let details): try details.encode(to: encoder)
        case .badgeIssued(let details): try details.encode(to: encoder)
        case .badgeRevoked(let details): try details.encode(to: encoder)
        case .scan(let details): try details.encode(to: encoder)
        case .print(let details): try details.encode(to: encoder)
        case .walkIn(let details): try details.encode(to: encoder)
        case .nameCorrected(let details): try details.encode(to: encoder)
        case .flagged(let details): try details.encode(to: encoder)
        case .flagAcknowledged(let details): try details.encode(to: encoder)
        case .checkInUndone(let details): try details.encode(to: encoder)
        case .scanAnnulled(let details): try details.encode(to: encoder)
        }
    }
}
