import Badges
import Crypto
import Foundation
import Testing

@Suite struct BadgeVerifierTests {
    let eventID = UUID()
    let key = Curve25519.Signing.PrivateKey()
    var verifier: BadgeVerifier { BadgeVerifier(publicKey: key.publicKey, eventID: eventID) }
    let registry = InMemoryBadgeRegistry(
        badges: [IssuedBadge(reference: "ESOCC-00012", serial: 2), IssuedBadge(reference: "ESOCC-00099", serial: 1, revocationReason: "lost")],
        delegates: ["ESOCC-00012", "ESOCC-00099"])

    func token(
        reference: String = "ESOCC-00012", serial: UInt16 = 2, eventID: UUID? = nil, key: Curve25519.Signing.PrivateKey? = nil
    )
        throws -> String
    {
        let claims = BadgeClaims(
            eventID: eventID ?? self.eventID, reference: reference, serial: serial, days: [1, 2, 3], issuedAt: Date())
        return try BadgeSigner(key: key ?? self.key).token(for: claims).text
    }

    @Test func aFreshBadgeIsValidAndNamesItsDelegate() throws {
        let check = try verifier.check(try token(), registry: registry)
        #expect(check.reason == .valid)
        #expect(check.claims?.reference == "ESOCC-00012")
        #expect(check.claims?.days == [1, 2, 3])
    }

    @Test func theTokenIsSmallEnoughForQRVersionSevenInAlphanumericMode() throws {
        let longest = try token(reference: String(repeating: "R", count: BadgeClaims.maximumReferenceLength))
        #expect(longest.count <= 178)
        let alphanumeric = Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
        #expect(longest.allSatisfy(alphanumeric.contains))
        #expect(try token().hasPrefix("LY1:"))
    }

    /// One row per way a code can be wrong, each with its own reason.
    enum Tampering: String, CaseIterable, Sendable {
        case flippedSignatureBit, changedReference, anotherEventsKey, sameEventForgedKey, oldSerialAfterReprint,
            revoked, truncated, lowerCased, garbage, unknownDelegate
    }

    @Test(arguments: Tampering.allCases)
    func aTamperedCodeIsRefusedWithItsReason(_ tampering: Tampering) throws {
        let good = try token()
        let (code, expected): (String, BadgeCheck.Reason) =
            switch tampering {
            case .flippedSignatureBit: (try Self.flippingLastBit(of: good), .badSignature)
            case .changedReference: (try Self.replacingReference(in: good, with: "ESOCC-00013"), .badSignature)
            case .anotherEventsKey: (try token(eventID: UUID(), key: Curve25519.Signing.PrivateKey()), .otherEvent)
            case .sameEventForgedKey: (try token(key: Curve25519.Signing.PrivateKey()), .badSignature)
            case .oldSerialAfterReprint: (try token(serial: 1), .superseded)
            case .revoked: (try token(reference: "ESOCC-00099", serial: 1), .revoked)
            case .truncated: (String(good.dropLast(10)), .truncated)
            case .lowerCased: (good.lowercased(), .wrongCase)
            case .garbage: ("https://example.com/not-a-badge", .malformed)
            case .unknownDelegate: (try token(reference: "ESOCC-99999", serial: 1), .unknownDelegate)
            }
        let check = try verifier.check(code, registry: registry)
        #expect(check.reason == expected)
        #expect(!check.reason.sentence.isEmpty)
    }

    @Test func aBadgeNewerThanTheRegistryKnowsIsValid() throws {
        #expect(try verifier.check(try token(serial: 3), registry: registry).reason == .valid)
    }

    @Test func everyReasonHasItsOwnCodeAndSentence() {
        let reasons = BadgeCheck.Reason.allCases
        #expect(Set(reasons.map(\.code)).count == reasons.count)
        #expect(Set(reasons.map(\.sentence)).count == reasons.count)
    }

    static func flippingLastBit(of code: String) throws -> String {
        let token = try BadgeToken(parsing: code)
        var signature = token.signature
        signature[signature.count - 1] ^= 1
        return BadgeToken(claims: token.claims, signature: signature).text
    }

    static func replacingReference(in code: String, with reference: String) throws -> String {
        let token = try BadgeToken(parsing: code)
        var claims = token.claims
        claims.reference = reference
        return BadgeToken(claims: claims, signature: token.signature).text
    }
}
