public import Crypto
public import Foundation

/// Decides whether a scanned code is a valid badge of this event: a pure function of the code, the event's public
/// key and the badge registry, so a door decides alone, with no network.
public struct BadgeVerifier: Sendable {
    /// The key's raw bytes: swift-crypto's key types are not `Sendable`, their bytes are.
    private let rawPublicKey: Data
    private let eventFingerprint: [UInt8]

    /// - Parameters:
    ///   - publicKey: The event's public key (`lanyard keys export-public`).
    ///   - eventID: The event's identifier.
    public init(publicKey: Curve25519.Signing.PublicKey, eventID: UUID) {
        self.rawPublicKey = publicKey.rawRepresentation
        self.eventFingerprint = BadgeClaims.fingerprint(of: eventID)
    }

    /// The reference a confirmation code (``ConfirmationCode``) of this event names, or nil when `code` is not one,
    /// is another event's, or its signature does not match.
    public func confirmedReference(_ code: String) -> String? {
        guard let parts = ConfirmationCode.parse(code), parts.fingerprint == eventFingerprint,
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawPublicKey),
            key.isValidSignature(parts.signature, for: ConfirmationCode.bytes(eventFingerprint: parts.fingerprint, reference: parts.reference))
        else { return nil }
        return parts.reference
    }

    /// Checks, in order: format, event, signature, delegate, revocation, reprint. A newer serial than the
    /// registry knows (issued at another station, not yet synced) is valid.
    public func check(_ code: String, registry: some BadgeRegistry) throws -> BadgeCheck {
        let token: BadgeToken
        do {
            token = try BadgeToken(parsing: code)
        } catch {
            return BadgeCheck(reason: error, claims: nil)
        }
        let claims = token.claims
        guard claims.eventFingerprint == eventFingerprint else { return BadgeCheck(reason: .otherEvent, claims: claims) }
        let publicKey = try Curve25519.Signing.PublicKey(rawRepresentation: rawPublicKey)
        guard publicKey.isValidSignature(token.signature, for: BadgeToken.signedBytes(of: claims)) else {
            return BadgeCheck(reason: .badSignature, claims: claims)
        }
        guard try registry.hasDelegate(claims.reference) else { return BadgeCheck(reason: .unknownDelegate, claims: claims) }
        // A signed badge this registry has not heard of was issued by another station: trust the signature.
        guard let current = try registry.currentBadge(for: claims.reference) else {
            return BadgeCheck(reason: .valid, claims: claims)
        }
        if current.serial == claims.serial, let why = current.revocationReason {
            return BadgeCheck(reason: .revoked, claims: claims, revocationReason: why)
        }
        guard current.serial <= claims.serial else { return BadgeCheck(reason: .superseded, claims: claims) }
        return BadgeCheck(reason: .valid, claims: claims)
    }
}
