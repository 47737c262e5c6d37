public import Badges
public import Foundation
public import Roster
public import RosterStore

/// Signs and checks badges for one event: the roster store, the event and its keys, composed.
public struct BadgeDesk: Sendable {
    public let database: RosterDatabase
    public let event: Event
    private let signer: BadgeSigner?
    private let verifier: BadgeVerifier?
    private let keys: EventKeys

    /// Opens the desk for a data folder. A door station without the private key can still verify; a station
    /// without either can still search and check in.
    public init(database: RosterDatabase, event: Event, keys: EventKeys) {
        self.database = database
        self.event = event
        self.keys = keys
        self.signer = (try? keys.signingKey()).map(BadgeSigner.init(key:))
        self.verifier = (try? keys.publicKey()).map { BadgeVerifier(publicKey: $0, eventID: event.id) }
    }

    /// Whether this station holds the event's signing key, and so can issue badges.
    public var canIssue: Bool { signer != nil }

    /// Signs the badge `issue` describes; nothing is recorded.
    /// - Throws: ``LanyardError`` `keyFailure` without the signing key; `invalidInput` for a reference too long for
    ///   a badge's code.
    public func sign(_ issue: BadgeIssue, at now: Date) throws -> BadgeToken {
        guard let signer else {
            throw LanyardError(
                .keyFailure, "This station has no signing key, so it cannot issue badges.",
                remedy: "Issue badges at a desk that holds the event's signing key.")
        }
        let claims = BadgeClaims(
            eventID: event.id, reference: issue.delegate.reference, serial: UInt16(clamping: issue.serial),
            days: issue.delegate.days, issuedAt: now)
        return try signer.token(for: claims)
    }

    /// The confirmation code (the QR code of the registration e-mail) for `reference`.
    /// - Throws: ``LanyardError`` `keyFailure` without the signing key.
    public func confirmationCode(for reference: String) throws -> String {
        guard let signer else {
            throw LanyardError(.keyFailure, "This station has no signing key, so it cannot make confirmation codes.")
        }
        return try signer.confirmationCode(for: reference, eventID: event.id)
    }

    /// The reference a scanned confirmation code or badge code names, when its signature is this event's.
    public func reference(inScanned code: String) -> String? {
        // Both codes start with a prefix ending in a colon (`LYC1:`, `LY1:`); a name or a reference typed at the desk,
        // nearly every search, has none and is not parsed.
        guard code.utf8.contains(0x3A) else { return nil }
        if let reference = verifier?.confirmedReference(code) { return reference }
        guard let check = try? check(code, registry: InMemoryBadgeRegistry()), check.reason != .badSignature, check.reason != .otherEvent,
            check.reason != .malformed, check.reason != .truncated, check.reason != .wrongCase
        else { return nil }
        return check.claims?.reference
    }

    /// Verifies a scanned code against this event's key and the store's badge registry.
    public func check(_ code: String) throws -> BadgeCheck {
        try check(code, registry: database)
    }

    /// Verifies a scanned code against this event's key and a registry read beforehand.
    /// - Throws: ``LanyardError`` `keyFailure` when the station has no public key.
    public func check(_ code: String, registry: some BadgeRegistry) throws -> BadgeCheck {
        guard let verifier else {
            _ = try keys.publicKey()  // throws, naming the missing key
            throw LanyardError(.keyFailure, "This station has no public key to verify badges with.")
        }
        return try verifier.check(code, registry: registry)
    }
}
