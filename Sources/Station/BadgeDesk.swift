public import Badges
public import Foundation
public import Roster
public import RosterStore

/// Issues and checks badges for one event: the roster store, the event and its keys, composed.
public struct BadgeDesk: Sendable {
    public let database: RosterDatabase
    public let event: Event
    private let signer: BadgeSigner?
    private let verifier: BadgeVerifier

    /// Opens the desk for a data folder. A door station without the private key can still verify.
    public init(database: RosterDatabase, keys: EventKeys) throws {
        self.database = database
        self.event = try database.event()
        self.signer = (try? keys.signingKey()).map(BadgeSigner.init(key:))
        self.verifier = BadgeVerifier(publicKey: try keys.publicKey(), eventID: event.id)
    }

    /// Issues the delegate's next badge (the first, or a reprint that supersedes the old one) and signs it.
    public func issueBadge(reference: String, station: String, at now: Date = Date()) throws -> (Delegate, BadgeToken) {
        try issueBadges(references: [reference], station: station, at: now)[0]
    }

    /// Issues and signs badges for many delegates, recorded in one transaction.
    public func issueBadges(references: [String], station: String, at now: Date = Date()) throws -> [(Delegate, BadgeToken)] {
        guard let signer else {
            throw LanyardError(
                .keyFailure, "This station has no signing key, so it cannot issue badges.",
                remedy: "Print badges at the desk that created the event.")
        }
        return try database.issueBadges(references: references, station: station, at: now).map { delegate, badge in
            let claims = BadgeClaims(
                eventID: event.id, reference: delegate.reference, serial: badge.serial, days: delegate.days, issuedAt: now)
            return (delegate, try signer.token(for: claims))
        }
    }

    /// Verifies a scanned code against this event's key and the store's badge registry.
    public func check(_ code: String) throws -> BadgeCheck {
        try verifier.check(code, registry: database)
    }

    /// Verifies a scanned code against this event's key and a registry read beforehand.
    public func check(_ code: String, registry: some BadgeRegistry) throws -> BadgeCheck {
        try verifier.check(code, registry: registry)
    }
}
