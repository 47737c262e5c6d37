public import Foundation
import Roster

/// What a badge's QR code says, before its signature: which event, whose badge, which issue of it, and when it is
/// valid. No personal data: the reference is looked up in the roster.
public struct BadgeClaims: Sendable, Equatable {
    /// The first eight bytes of the event's UUID: enough to tell events apart; the signature does the rest.
    public var eventFingerprint: [UInt8]
    public var reference: String
    /// 1 for the first badge, incremented at each reprint; only the newest serial is valid.
    public var serial: UInt16
    /// Event days (1-based, up to 32) the badge is valid on.
    public var days: [Int]
    /// When the badge was issued (whole seconds).
    public var issuedAt: Date

    public init(eventID: UUID, reference: String, serial: UInt16, days: [Int], issuedAt: Date) {
        self.eventFingerprint = Self.fingerprint(of: eventID)
        self.reference = reference
        self.serial = serial
        self.days = days.sorted()
        self.issuedAt = Date(timeIntervalSince1970: issuedAt.timeIntervalSince1970.rounded(.down))
    }

    init(eventFingerprint: [UInt8], reference: String, serial: UInt16, days: [Int], issuedAt: Date) {
        self.eventFingerprint = eventFingerprint
        self.reference = reference
        self.serial = serial
        self.days = days
        self.issuedAt = issuedAt
    }

    /// The eight bytes of `eventID` a badge carries.
    public static func fingerprint(of eventID: UUID) -> [UInt8] {
        withUnsafeBytes(of: eventID.uuid) { Array($0.prefix(8)) }
    }

    /// The longest reference a badge can carry (UTF-8 bytes) and still fit QR version 7 at level M.
    public static let maximumReferenceLength = Delegate.maximumReferenceLength
}
