public import Crypto
public import Foundation
import Roster

/// Signs badge claims with the event's private key.
public struct BadgeSigner: Sendable {
    /// The key's raw bytes: swift-crypto's key types are not `Sendable`, their bytes are.
    private let rawKey: Data

    public init(key: Curve25519.Signing.PrivateKey) {
        self.rawKey = key.rawRepresentation
    }

    /// The confirmation code for `reference` of the event `eventID` (``ConfirmationCode``).
    public func confirmationCode(for reference: String, eventID: UUID) throws -> String {
        let fingerprint = BadgeClaims.fingerprint(of: eventID)
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: rawKey)
        let signature = try key.signature(for: ConfirmationCode.bytes(eventFingerprint: fingerprint, reference: reference))
        return ConfirmationCode.text(eventFingerprint: fingerprint, reference: reference, signature: Array(signature))
    }

    /// The signed token for `claims`.
    /// - Throws: ``LanyardError`` `invalidInput` when the reference is too long to fit a badge's QR code, or a day
    ///   is outside 1…32.
    public func token(for claims: BadgeClaims) throws -> BadgeToken {
        guard claims.reference.utf8.count <= BadgeClaims.maximumReferenceLength else {
            throw LanyardError(
                .invalidInput,
                "The reference \(claims.reference) is longer than the \(BadgeClaims.maximumReferenceLength) bytes a badge code holds.",
                remedy: "Import the roster with shorter references.")
        }
        guard claims.days.allSatisfy({ (1...32).contains($0) }) else {
            throw LanyardError(.invalidInput, "A badge is valid on days 1 to 32 only.")
        }
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: rawKey)
        let signature = try key.signature(for: BadgeToken.signedBytes(of: claims))
        return BadgeToken(claims: claims, signature: Array(signature))
    }
}
