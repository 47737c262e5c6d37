import Badges
public import Foundation
import PrintQueue
public import Roster
import RosterStore

extension Station {
    /// How a delegate proves at a kiosk who they are: the confirmation QR code of their registration e-mail (signed
    /// by the event's key: a booking reference alone proves nothing), or their booking reference typed with their
    /// family name.
    public struct KioskProof: Codable, Sendable {
        public var code: String?
        public var reference: String?
        public var familyName: String?

        public init(code: String? = nil, reference: String? = nil, familyName: String? = nil) {
            self.code = code
            self.reference = reference
            self.familyName = familyName
        }
    }

    /// The delegate `proof` identifies, as a kiosk may show them.
    /// - Throws: ``LanyardError`` `notFound` (the same for an unknown reference and a wrong family name, so a
    ///   kiosk tells nobody whether a reference exists).
    public func kioskCard(_ proof: KioskProof, at now: Date = Date()) async throws -> KioskCard {
        let (event, folder, desk) = (event, database.folder, desk)
        return try await store { database in
            let delegate = try Self.identify(proof, database, folder: folder, desk: desk)
            let deskReason = try Self.deskReason(delegate, database, event: event, at: now)
            let native = delegate.nativeName.map { PersonName.displayCase($0, country: delegate.country) }
            let category = try database.categories().first { $0.code == delegate.category }?.name ?? delegate.category
            return KioskCard(
                reference: delegate.reference, name: delegate.displayName, nativeName: native.flatMap { PersonName.isLatin($0) ? nil : $0 },
                organisation: delegate.organisation, category: category, canCheckIn: deskReason == nil, deskReason: deskReason)
        }
    }

    /// Checks in and prints the badge of the delegate `proof` identifies, when nothing sends them to a desk.
    /// - Throws: ``LanyardError`` `notFound`, or `notPermitted` with the reason they must see a desk.
    public func kioskCheckIn(_ proof: KioskProof, nonce: String?, by staff: String? = nil) async throws -> CheckInView {
        let card = try await kioskCard(proof)
        let request = CheckInRequest(reference: card.reference, print: true, nonce: nonce)
        // A retried request answers what the first one did, though the badge it printed now sends them to a desk.
        if let nonce, try await store({ try $0.hasResult(ofNonce: nonce) }) { return try await checkIn(request, by: staff) }
        guard card.canCheckIn else {
            throw LanyardError(.seeADesk, card.deskReason ?? "Please see a desk.", remedy: "Show the desk your reference \(card.reference).")
        }
        return try await checkIn(request, by: staff)
    }

    private static func identify(_ proof: KioskProof, _ database: RosterDatabase, folder: NameFolder, desk: BadgeDesk) throws -> Delegate {
        let notFound = LanyardError(
            .notFound, "We could not find that registration.", remedy: "Check the reference and family name, or see a desk.")
        if let code = proof.code?.trimmingCharacters(in: .whitespacesAndNewlines), !code.isEmpty {
            guard let reference = desk.reference(inScanned: code), let delegate = try? database.delegate(reference) else { throw notFound }
            return delegate
        }
        guard let reference = proof.reference?.trimmingCharacters(in: .whitespaces), !reference.isEmpty,
            let familyName = proof.familyName, let delegate = try? database.delegate(reference)
        else { throw notFound }
        let typed = Set(folder.words(of: familyName).flatMap { $0 })
        let registered = Set(folder.words(of: delegate.fullName ?? delegate.familyName).flatMap { $0 })
            .union(folder.words(of: delegate.nativeName ?? "").flatMap { $0 })
        guard !typed.isEmpty, !typed.isDisjoint(with: registered) else { throw notFound }
        return delegate
    }

    /// Why a delegate must see a desk rather than check in at a kiosk, or nil.
    private static func deskReason(_ delegate: Delegate, _ database: RosterDatabase, event: Event, at now: Date) throws -> String? {
        if delegate.status == .cancelled { return "Your registration needs a word at the desk." }
        if !(try database.flags(of: delegate.reference, pendingOnly: true)).isEmpty { return "Please see a desk: they have a message for you." }
        if let badge = try database.currentBadge(for: delegate.reference), !badge.isRevoked {
            return "A badge was already printed for you. If you lost it, a desk will print a new one."
        }
        if !delegate.days.contains(event.arrivalDay(at: now)) { return "Your registration is for another day. Please see a desk." }
        return nil
    }
}

extension Station {
    /// Every confirmed delegate with their confirmation code, for the registration system to mail.
    public func confirmationCodes() async throws -> [(Delegate, String)] {
        let desk = desk
        return try await store { database in
            try database.delegates().filter { $0.status == .confirmed }.map { ($0, try desk.confirmationCode(for: $0.reference)) }
        }
    }
}
