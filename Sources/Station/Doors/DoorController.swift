import Badges
import Crypto
public import DoorRules
public import Foundation
public import Roster
import RosterStore

/// A door of the station: scans go in, ADMIT or DENY comes out at once, and every scan is kept.
///
/// The decision is made from what the store holds (reads never wait for a writer) plus the door's own scans not
/// yet written. Before the verdict is answered, the scan is made durable in the door's ``LogOutbox`` (an append
/// and an `fsync`); it is written into the store behind the answer, waiting there for as long as another process
/// (an import, a desk) holds the write lock. So a door keeps deciding while the store is locked, and a crash loses
/// no scan: the next start writes the outbox into the store.
public actor DoorController {
    public nonisolated let door: Door
    /// The room's capacity, when it has one.
    public nonisolated let capacity: Int?
    private let desk: BadgeDesk
    private let stationName: String
    private let session: Session?
    private let categories: [String: Category]
    private let outbox: LogOutbox
    private let hub: EventHub
    /// Scans answered but not yet in the store, oldest first.
    private var pending: [LogEntry] = []
    /// The answers to recent scans made with a nonce, so that a retried upload gets the same answer; oldest first.
    private var answers: [(id: UUID, view: ScanView)] = []
    private var writer: Task<Void, Never>?
    /// Whether a scan is being decided, and the scans waiting their turn: one scan at a time per door, so that two
    /// lanes reading the same badge at once (or a retried upload) cannot both pass on the same state.
    private var isDeciding = false
    private var waitingTurn: [CheckedContinuation<Void, Never>] = []

    init(door: Door, desk: BadgeDesk, stationName: String, folder: DataFolder, hub: EventHub) throws {
        self.door = door
        self.desk = desk
        self.stationName = stationName
        self.hub = hub
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
        outbox = try LogOutbox(folder: folder, name: "\(stationName)-\(door.name)")
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
        await takeTurn()
        defer { passTurn() }
        let id = nonce.map(scanID) ?? UUID()
        if nonce != nil, let earlier = try await earlierAnswer(id) { return earlier }
        let place = door.placeName
        let claimed = try? BadgeToken(parsing: code).claims.reference
        // The scans held when the store is read: the writer may store some of them meanwhile, and the decision must
        // count each exactly once (from the store or from here).
        let held = pending
        let database = desk.database
        let snapshot = try await DispatchQueue.blocking.perform {
            try database.doorSnapshot(reference: claimed, place: place, pending: Set(held.compactMap(\.reference)))
        }
        let check = try desk.check(code, registry: snapshot.registry)
        let delegate = check.isValid ? snapshot.delegate : nil
        let wasInside = delegate.map { Self.isInside($0.reference, stored: snapshot.state.isInside, held: held) } ?? false
        let occupancy = Self.occupancy(snapshot.state, held: held)
        let decision = EntryRules.decide(
            EntryRequest(
                door: door, direction: direction, at: at, event: desk.event, badge: check, delegate: delegate,
                category: delegate.flatMap { categories[$0.category] }, session: session,
                isCheckedIn: delegate != nil && snapshot.state.isCheckedIn, isInside: wasInside, occupancy: occupancy))
        guard !dryRun else {
            return ScanView(
                id: nil, at: at, door: door.name, place: place, direction: direction, decision: decision, occupancy: occupancy,
                capacity: capacity, recorded: false)
        }
        let details = ScanDetails(
            door: place, direction: direction, verdict: decision.verdict, reason: decision.reason,
            serial: check.claims.map { Int($0.serial) },
            // A reference from a code that failed verification is only a claim: kept apart from the real one.
            claimedReference: check.isValid ? nil : check.claims?.reference, isSiteExit: door.isSiteExit)
        let entry = LogEntry(id: id, at: at, reference: delegate?.reference, station: stationName, staff: staff, details: .scan(details))
        let outbox = outbox
        try await DispatchQueue.blocking.perform { try outbox.append([entry]) }
        pending.append(entry)
        writeBehind()
        var after = occupancy
        if decision.isAdmitted, direction == .in, !wasInside { after += 1 }
        if decision.isAdmitted, direction == .out, wasInside { after -= 1 }
        let view = ScanView(
            id: id, at: at, door: door.name, place: place, direction: direction, decision: decision, occupancy: after,
            capacity: capacity, recorded: true)
        if nonce != nil { remember(view) }
        hub.publish(.entry(entry))
        // A scan sent with a nonce came from a page or a turnstile that shows its own answer; the door's screens show
        // the verdicts of the station's own scanner.
        if nonce == nil { hub.publish(.verdict(view)) }
        return view
    }

    /// How many are inside the door's place now, counting the door's own scans not yet in the store.
    public func occupancy() async throws -> Int {
        let held = pending
        let database = desk.database
        let place = door.placeName
        let state = try await DispatchQueue.blocking.perform {
            try database.doorSnapshot(reference: nil, place: place, pending: Set(held.compactMap(\.reference))).state
        }
        return Self.occupancy(state, held: held)
    }

    /// How many scans were answered but are not in the store yet (kept in the outbox while it is locked).
    public var waitingScans: Int { pending.count }

    /// The scans answered but not in the store yet, oldest first: what figures read with the store's log.
    var heldScans: [LogEntry] { pending }

    /// Waits until every scan answered is in the store.
    public func flush() async {
        while let writer { await writer.value }
    }

    /// Whether `reference` is inside: their latest held passage through this place's doors, or what the store says.
    private static func isInside(_ reference: String, stored: Bool, held: [LogEntry]) -> Bool {
        guard let last = held.last(where: { $0.reference == reference && $0.details.scan?.isPassage == true }) else { return stored }
        return last.details.scan?.direction == .in
    }

    /// The store's count, corrected for the held scans: each delegate held counts as the door last saw them rather
    /// than as the store has them (so a scan already written is not counted twice).
    private static func occupancy(_ state: DoorState, held: [LogEntry]) -> Int {
        let references = Set(held.compactMap(\.reference))
        return references.reduce(state.occupancy) { count, reference in
            let stored = state.insideAmong.contains(reference)
            return count + (isInside(reference, stored: stored, held: held) ? 1 : 0) - (stored ? 1 : 0)
        }
    }

    private func takeTurn() async {
        guard isDeciding else {
            isDeciding = true
            return
        }
        await withCheckedContinuation { waitingTurn.append($0) }
    }

    private func passTurn() {
        if waitingTurn.isEmpty { isDeciding = false } else { waitingTurn.removeFirst().resume() }
    }

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
        if let held = pending.first(where: { $0.id == id }) {
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

    /// Writes the pending scans into the store behind the answers, retrying while the store is locked.
    private func writeBehind() {
        guard writer == nil else { return }
        writer = Task { await self.writePending() }
    }

    private func writePending() async {
        let database = desk.database
        while !pending.isEmpty {
            let batch = pending
            do {
                _ = try await DispatchQueue.blocking.perform { try database.append(batch) }
                let written = Set(batch.map(\.id))
                pending.removeAll { written.contains($0.id) }
                if pending.isEmpty { try outbox.clear() }
            } catch {
                // The store is locked past its busy timeout, or failed: the scans are safe in the outbox; try again.
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
        writer = nil
    }
}
