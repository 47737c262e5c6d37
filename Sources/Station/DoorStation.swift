import Badges
public import DoorRules
public import Foundation
public import Roster
import RosterStore

/// A door: scans go in, ADMIT or DENY comes out, and every scan is logged durably before its verdict is shown.
/// Everything it needs is in the station's own store, so it decides with the network down.
public struct DoorStation: Sendable {
    public let desk: BadgeDesk
    public let door: Door
    /// The station's name in the log.
    public let name: String
    private let session: Session?
    private let categories: [String: Category]

    /// - Throws: ``LanyardError`` `notFound` when the door names a session the programme does not have.
    public init(desk: BadgeDesk, door: Door, name: String) throws {
        self.desk = desk
        self.door = door
        self.name = name
        categories = Dictionary(uniqueKeysWithValues: try desk.database.categories().map { ($0.code, $0) })
        if case .session(let code) = door.place {
            guard let session = try desk.database.sessions().first(where: { $0.code.caseInsensitiveCompare(code) == .orderedSame })
            else {
                throw LanyardError(
                    .notFound, "The programme has no session \(code).",
                    remedy: "Sessions: \(try desk.database.sessions().map(\.code).joined(separator: ", ")).")
            }
            self.session = session
        } else {
            self.session = nil
        }
    }

    /// The room's capacity, when it has one.
    public var capacity: Int? {
        if let session { return session.capacity }
        if case .area(_, let capacity) = door.place { return capacity }
        return nil
    }

    /// Decides a scan and, unless `dryRun`, records it (and who is inside) before returning.
    /// - Parameters:
    ///   - code: The text the scanner read.
    ///   - at: When the scan happened (a handheld may post scans later).
    public func scan(_ code: String, direction: Direction = .in, at: Date = Date(), dryRun: Bool = false) throws -> EntryDecision {
        // One read for everything the decision needs; the verifier then checks against that snapshot.
        let claimed = try? BadgeToken(parsing: code).claims.reference
        let snapshot = try claimed.map { try desk.database.doorSnapshot(reference: $0, door: door.logName) }
        let check = try desk.check(code, registry: snapshot?.registry ?? InMemoryBadgeRegistry())
        let reference = check.claims?.reference
        let delegate = check.isValid ? snapshot?.delegate : nil
        let state = delegate != nil ? snapshot?.state : nil
        let request = EntryRequest(
            door: door, direction: direction, at: at, event: desk.event, badge: check, delegate: delegate,
            category: delegate.flatMap { categories[$0.category] }, session: session,
            isCheckedIn: state?.isCheckedIn ?? false, isInside: state?.isInside ?? false, occupancy: try occupancy(state))
        let decision = EntryRules.decide(request)
        if !dryRun {
            var details = [
                "door": door.logName, "direction": direction.rawValue, "verdict": decision.verdict.rawValue,
                "reason": decision.reason,
            ]
            if let serial = check.claims?.serial { details["serial"] = String(serial) }
            // A reference from a code that failed verification is only a claim: kept apart from the real one.
            if !check.isValid, let reference { details["claimedReference"] = reference }
            try desk.database.recordScan(LogEntry(
                at: at, kind: .scan, reference: delegate?.reference, station: name, details: details))
        }
        return decision
    }

    /// How many are inside now.
    public func occupancy() throws -> Int {
        try desk.database.doorState(reference: "", door: door.logName).occupancy
    }

    private func occupancy(_ state: DoorState?) throws -> Int {
        try state?.occupancy ?? occupancy()
    }
}
