import Badges
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
    private var writer: Task<Void, Never>?

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
    public func scan(_ code: String, direction: Direction = .in, at: Date = Date(), dryRun: Bool = false) async throws -> ScanView {
        let place = door.placeName
        let claimed = try? BadgeToken(parsing: code).claims.reference
        let pendingReferences = Set(pending.compactMap(\.reference))
        let database = desk.database
        let snapshot = try await DispatchQueue.blocking.perform {
            try database.doorSnapshot(reference: claimed, place: place, pending: pendingReferences)
        }
        let check = try desk.check(code, registry: snapshot.registry)
        let delegate = check.isValid ? snapshot.delegate : nil
        let wasInside = delegate.map { isInside($0.reference, stored: snapshot.state.isInside) } ?? false
        let occupancy = occupancy(snapshot.state)
        let decision = EntryRules.decide(
            EntryRequest(
                door: door, direction: direction, at: at, event: desk.event, badge: check, delegate: delegate,
                category: delegate.flatMap { categories[$0.category] }, session: session,
                isCheckedIn: delegate != nil && snapshot.state.isCheckedIn, isInside: wasInside, occupancy: occupancy))
        guard !dryRun else {
            return ScanView(
                door: door.name, place: place, direction: direction, decision: decision, occupancy: occupancy, capacity: capacity,
                recorded: false)
        }
        let details = ScanDetails(
            door: place, direction: direction, verdict: decision.verdict, reason: decision.reason,
            serial: check.claims.map { Int($0.serial) },
            // A reference from a code that failed verification is only a claim: kept apart from the real one.
            claimedReference: check.isValid ? nil : check.claims?.reference, isSiteExit: door.isSiteExit)
        let entry = LogEntry(at: at, reference: delegate?.reference, station: stationName, details: .scan(details))
        let outbox = outbox
        try await DispatchQueue.blocking.perform { try outbox.append([entry]) }
        pending.append(entry)
        writeBehind()
        hub.publish(.entry(entry))
        var after = occupancy
        if decision.isAdmitted, direction == .in, !wasInside { after += 1 }
        if decision.isAdmitted, direction == .out, wasInside { after -= 1 }
        return ScanView(
            door: door.name, place: place, direction: direction, decision: decision, occupancy: after, capacity: capacity,
            recorded: true)
    }

    /// How many are inside the door's place now, counting the door's own scans not yet in the store.
    public func occupancy() async throws -> Int {
        occupancy(try await currentState())
    }

    /// How many scans were answered but are not in the store yet (kept in the outbox while it is locked).
    public var waitingScans: Int { pending.count }

    /// Waits until every scan answered is in the store.
    public func flush() async {
        while let writer { await writer.value }
    }

    private func currentState() async throws -> DoorState {
        let database = desk.database
        let place = door.placeName
        let references = Set(pending.compactMap(\.reference))
        return try await DispatchQueue.blocking.perform {
            try database.doorSnapshot(reference: nil, place: place, pending: references).state
        }
    }

    /// Whether `reference` is inside: their latest pending passage through this place's doors, or what the store says.
    private func isInside(_ reference: String, stored: Bool) -> Bool {
        guard let last = pending.last(where: { $0.reference == reference && $0.details.scan?.isPassage == true }) else { return stored }
        return last.details.scan?.direction == .in
    }

    /// The store's count, corrected for the pending scans: each pending delegate counts as the door last saw them
    /// rather than as the store has them (so a scan already written is not counted twice).
    private func occupancy(_ state: DoorState) -> Int {
        let references = Set(pending.compactMap(\.reference))
        return references.reduce(state.occupancy) { count, reference in
            let stored = state.insideAmong.contains(reference)
            return count + (isInside(reference, stored: stored) ? 1 : 0) - (stored ? 1 : 0)
        }
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
