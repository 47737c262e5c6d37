import Badges
import Crypto
public import DoorRules
public import Foundation
public import Roster
import RosterStore

/// A door of the station: scans go in, ADMIT or DENY comes out at once, and every scan is kept.
///
/// The decision is made from what the store holds (reads never wait for a writer) plus the scans of the door's
/// place not yet written, which the doors of one place share in their ``PlaceLedger`` and decide one at a time.
/// Each scan is durable before its verdict is answered, and written into the store behind the answer, so a door
/// keeps deciding while another process holds the store's write lock.
public actor DoorController {
    public nonisolated let door: Door
    /// The room's capacity, when it has one.
    public nonisolated let capacity: Int?
    private let desk: BadgeDesk
    private let stationName: String
    private let session: Session?
    private let categories: [String: Category]
    private let ledger: PlaceLedger
    private let hub: EventHub
    /// The answers to recent scans made with a nonce, so that a retried upload gets the same answer; oldest first.
    private var answers: [(id: UUID, view: ScanView)] = []

    init(door: Door, desk: BadgeDesk, stationName: String, ledger: PlaceLedger, hub: EventHub) throws {
        self.door = door
        self.desk = desk
        self.stationName = stationName
        self.hub = hub
        self.ledger = ledger
        let sessions = try desk.database.sessions()
        categories = Dictionary(uniqueKeysWithValues: try desk.database.categories().map { ($0.code, $0) })
        if case .session(let code) = door.place {
            guard let session = sessions.first(where: { $0.code.caseInsensitiveCompare(code) == .orderedSame }) else {
                throw LanyardError(
                    .notFound, "The programme has no session \(code).",
                    remedy: "Sessions: \(sessions.map(\.code).joined(separator: ", ")).")
            }
            self.session = session
            capacity = session.capacity
        } else {
            session = nil
            capacity = door.areaCapacity
        }
    }

    /// Decides a scan and, unless `dryRun`, records it durably before returning.
    /// - Parameters:
    ///   - code: The text the scanner read.
    ///   - at: When the scan happened (a handheld may upload its scans later).
    ///   - staff: The steward or machine signed in at the door.
    ///   - nonce: The same nonce twice records one scan and gets the first answer again.
    public func scan(
        _ code: String, direction: Direction = .in, at: Date = Date(), dryRun: Bool = false, by staff: String? = nil,
        nonce: String? = nil
    ) async throws -> ScanView {
        let id = nonce.map(scanID) ?? UUID()
        let decided = try await ledger.exclusively { held in
            try await self.decide(code, direction: direction, at: at, dryRun: dryRun, by: staff, id: id, hasNonce: nonce != nil, held: held)
        }
        guard let recorded = decided.recorded else { return decided.view }
        try await ledger.makeDurable(recorded.written)
        let view = decided.view
        if nonce != nil { remember(view) }
        hub.publish(.entry(recorded.entry))
        // A scan sent with a nonce came from a page or a turnstile that shows its own answer; the door's screens show
        // the verdicts of the station's own scanner.
        if nonce == nil { hub.publish(.verdict(view)) }
        hub.publish(.occupancy(place: door.placeName, count: view.occupancy, capacity: capacity))
        return view
    }

    /// A verdict decided in the place's turn and, when recorded, its entry and how far the outbox must be synced.
    private struct Decided: Sendable {
        var view: ScanView
        var recorded: (entry: LogEntry, written: Int)?
    }

    /// Decides a scan on the store's state and the place's `held` scans, in the place's turn.
    private func decide(
        _ code: String, direction: Direction, at: Date, dryRun: Bool, by staff: String?, id: UUID, hasNonce: Bool, held: [LogEntry]
    ) async throws -> Decided {
        if hasNonce, let earlier = try await earlierAnswer(id) { return Decided(view: earlier) }
        let place = door.placeName
        let claimed = try? BadgeToken(parsing: code).claims.reference
        let database = desk.database
        let snapshot = try await DispatchQueue.blocking.perform {
            try database.doorSnapshot(reference: claimed, place: place, pending: Set(held.compactMap(\.reference)))
        }
        let check = try desk.check(code, registry: snapshot.registry)
        let delegate = check.isValid ? snapshot.delegate : nil
        let wasInside = delegate.map { PlaceLedger.isInside($0.reference, stored: snapshot.state.isInside, held: held) } ?? false
        let occupancy = PlaceLedger.occupancy(snapshot.state, held: held)
        let decision = EntryRules.decide(
            EntryRequest(
                door: door, direction: direction, at: at, event: desk.event, badge: check, delegate: delegate,
                category: delegate.flatMap { categories[$0.category] }, session: session,
                isCheckedIn: delegate != nil && snapshot.state.isCheckedIn, isInside: wasInside, occupancy: occupancy))
        guard !dryRun else {
            return Decided(
                view: ScanView(
                    id: nil, at: at, door: door.name, place: place, direction: direction, decision: decision, occupancy: occupancy,
                    capacity: capacity, recorded: false))
        }
        let details = ScanDetails(
            door: place, direction: direction, verdict: decision.verdict, reason: decision.reason,
            serial: check.claims.map { Int($0.serial) },
            // A reference from a code that failed verification is only a claim: kept apart from the real one.
            claimedReference: check.isValid ? nil : check.claims?.reference, isSiteExit: door.isSiteExit)
        let entry = LogEntry(id: id, at: at, reference: delegate?.reference, station: stationName, staff: staff, details: .scan(details))
        let written = try await ledger.hold(entry)
        var after = occupancy
        if decision.isAdmitted, direction == .in, !wasInside { after += 1 }
        if decision.isAdmitted, direction == .out, wasInside { after -= 1 }
        let view = ScanView(
            id: id, at: at, door: door.name, place: place, direction: direction, decision: decision, occupancy: after,
            capacity: capacity, recorded: true)
        return Decided(view: view, recorded: (entry, written))
    }

    /// How many are inside the door's place now, counting the place's scans not yet in the store.
    public func occupancy() async throws -> Int { try await ledger.occupancy() }

    /// How many scans of the door's place were answered but are not in the store yet (kept in the outbox while it
    /// is locked).
    public var waitingScans: Int { get async { await ledger.held.count } }

    /// Waits until every scan of the door's place answered is in the store.
    public func flush() async { await ledger.flush() }

    /// The scan's log id for a nonce: the same at every start, so a scan uploaded twice is written once.
    private nonisolated func scanID(_ nonce: String) -> UUID {
        let digest = Array(SHA256.hash(data: Data("lanyard-scan|\(door.name)|\(nonce)".utf8)))
        var bytes = Array(digest.prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10], bytes[11], bytes[12],
                bytes[13], bytes[14], bytes[15]
            ))
    }

    /// The answer given to the scan `id` before: remembered, or rebuilt from the scan held or stored (after a restart).
    private func earlierAnswer(_ id: UUID) async throws -> ScanView? {
        if let answer = answers.last(where: { $0.id == id }) { return answer.view }
        let database = desk.database
        let found: LogEntry?
        if let held = await ledger.heldScan(id) {
            found = held
        } else {
            found = try await DispatchQueue.blocking.perform { try database.logEntry(id) }
        }
        guard let entry = found, let scan = entry.details.scan else { return nil }
        let delegate = try await DispatchQueue.blocking.perform { try entry.reference.map { try database.delegate($0) } }
        let decision = EntryDecision(
            verdict: scan.verdict, reason: scan.reason, sentence: "Recorded at \(desk.event.clockTime(entry.at)).",
            reference: delegate?.reference, name: delegate?.displayName,
            category: delegate.map { categories[$0.category]?.name ?? $0.category })
        return ScanView(
            id: id, at: entry.at, door: door.name, place: door.placeName, direction: scan.direction, decision: decision,
            occupancy: try await occupancy(), capacity: capacity, recorded: true)
    }

    private func remember(_ view: ScanView) {
        guard let id = view.id else { return }
        answers.append((id, view))
        if answers.count > 2_000 { answers.removeFirst(answers.count - 1_000) }
    }
}
