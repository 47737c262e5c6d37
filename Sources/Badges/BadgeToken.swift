import Foundation

/// The text in a badge's QR code: `LY1:` then, in Base45, the claims and their Ed25519 signature.
///
/// Binary layout of the signed part: format version (1) · event fingerprint (8) · reference length (1) ·
/// reference (UTF-8, up to 30) · serial (2) · day bitmask (4) · issue time in Unix seconds (4). The signature
/// (64) covers the prefix and those bytes. A badge with an 11-character reference makes a 147-character token
/// (QR version 6-M); the longest reference 175 (version 7-M).
public struct BadgeToken: Sendable, Equatable {
    /// The format prefix; a new layout gets a new prefix.
    public static let prefix = "LY1:"
    static let formatVersion: UInt8 = 1
    static let signatureLength = 64

    public let claims: BadgeClaims
    public let signature: [UInt8]

    /// The bytes the signature covers.
    public static func signedBytes(of claims: BadgeClaims) -> [UInt8] {
        var bytes = Array(prefix.utf8)
        bytes.append(formatVersion)
        bytes += claims.eventFingerprint
        let reference = Array(claims.reference.utf8)
        bytes.append(UInt8(reference.count))
        bytes += reference
        bytes += withUnsafeBytes(of: claims.serial.bigEndian, Array.init)
        let mask = claims.days.reduce(UInt32(0)) { $0 | (1 << UInt32($1 - 1)) }
        bytes += withUnsafeBytes(of: mask.bigEndian, Array.init)
        bytes += withUnsafeBytes(of: UInt32(claims.issuedAt.timeIntervalSince1970).bigEndian, Array.init)
        return bytes
    }

    public init(claims: BadgeClaims, signature: [UInt8]) {
        self.claims = claims
        self.signature = signature
    }

    /// The QR text.
    public var text: String {
        let payload = Self.signedBytes(of: claims).dropFirst(Self.prefix.utf8.count)
        return Self.prefix + Base45.encode(Array(payload) + signature)
    }

    /// Parses QR text.
    /// - Throws: ``BadgeCheck/Reason`` `malformed`, `truncated` or `wrongCase` with nothing verified yet.
    public init(parsing text: String) throws(BadgeCheck.Reason) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.uppercased().hasPrefix(Self.prefix), !trimmed.hasPrefix(Self.prefix) || trimmed != trimmed.uppercased() {
            throw .wrongCase
        }
        guard trimmed.hasPrefix(Self.prefix) else { throw .malformed }
        let encoded = trimmed.dropFirst(Self.prefix.count)
        guard let bytes = Base45.decode(encoded) else {
            // Cut off in the middle of a three-character group: what remains still decodes.
            throw encoded.count % 3 == 1 && Base45.decode(encoded.dropLast()) != nil ? .truncated : .malformed
        }
        let minimum = 1 + 8 + 1 + 2 + 4 + 4 + Self.signatureLength
        guard bytes.count >= minimum else { throw .truncated }
        guard bytes[0] == Self.formatVersion else { throw .malformed }
        let referenceLength = Int(bytes[9])
        guard bytes.count >= minimum + referenceLength else { throw .truncated }
        guard bytes.count == minimum + referenceLength else { throw .malformed }
        var cursor = 10
        func take(_ n: Int) -> ArraySlice<UInt8> {
            defer { cursor += n }
            return bytes[cursor..<cursor + n]
        }
        guard let reference = String(validating: take(referenceLength), as: UTF8.self) else { throw .malformed }
        let serial = take(2).reduce(UInt16(0)) { $0 << 8 | UInt16($1) }
        let mask = take(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let issued = take(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let days = (1...32).filter { mask & (1 << UInt32($0 - 1)) != 0 }
        self.claims = BadgeClaims(
            eventFingerprint: Array(bytes[1..<9]), reference: reference, serial: serial, days: days,
            issuedAt: Date(timeIntervalSince1970: TimeInterval(issued)))
        self.signature = Array(take(Self.signatureLength))
    }
}
