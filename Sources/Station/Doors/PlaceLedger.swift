import Foundation
import Roster
import RosterStore

/// What every door of one place (a session's room, an area) shares in a station: one scan decided at a time, and
/// the scans answered but not yet in the store.
///
/// Two doors of the arena, or two lanes of one door, reading the same badge in the same instant must not both pass
/// it on the same state: they take turns here. Before a verdict is answered its scan is made durable in the place's
/// ``LogOutbox`` (an append in the place's turn, then an `fsync` after it that covers the scans decided meanwhile
/// too); it is written into the store behind the answer, waiting there for as
/// long as another process (an import, a desk) holds the write lock. A crash loses no scan: the next start writes
/// the outbox into the store.
actor PlaceLedger {
    /// The name the log records the place's scans under.
    nonisolated let place: String
    private let database: RosterDatabase
    private let outbox: LogOutbox
    /// Scans answered but not yet in the store, oldest first.
    private var pending: [LogEntry] = []
    private var writer: Task<Void, Never>?
    private var isDeciding = false
    private var waitingTurn: [CheckedContinuation<Void, Never>] = []

    init(place: String, database: RosterDatabase, outbox: LogOutbox) {
        self.place = place
        self.database = database
        self.outbox = outbox
    }

    /// Runs `body` while no other scan of the place is being decided, with the scans held when the turn began.
    func exclusively<T: Sendable>(_ body: @Sendable ([LogEntry]) async throws -> T) async throws -> T {
        await takeTurn()
        defer { passTurn() }
        return try await body(pending)
    }

    /// Writes `entry` to the outbox and holds it until the store has it; call in the place's turn, then
    /// ``makeDurable(_:)`` with the number returned before answering. The next scan is decided on it at once, its
    /// `fsync` shared with the scans decided meanwhile: a crash before the `fsync` ends loses only scans nobody was
    /// answered for.
    func hold(_ entry: LogEntry) throws -> Int {
        let written = try outbox.write([entry])
        pending.append(entry)
        writeBehind()
        return written
    }

    /// Waits until the outbox's first `written` appends are on disk.
    func makeDurable(_ written: Int) async throws {
        let outbox = outbox
        try await DispatchQueue.blocking.perform { try outbox.sync(through: written) }
    }

    /// The scans answered but not in the store yet, oldest first.
    var held: [LogEntry] { pending }

    /// The held scan `id`, if it is still held.
    func heldScan(_ id: UUID) -> LogEntry? { pending.first { $0.id == id } }

    /// How many are inside the place now, counting the scans held.
    func occupancy() async throws -> Int {
        let held = pending
        let (database, place) = (database, place)
        let state = try await DispatchQueue.blocking.perform {
            try database.doorSnapshot(reference: nil, place: place, pending: Set(held.compactMap(\.reference))).state
        }
        return Self.occupancy(state, held: held)
    }

    /// Waits until every scan answered is in the store.
    func flush() async {
        while let writer { await writer.value }
    }

    /// Whether `reference` is inside: their latest held passage through the place, or what the store says.
    static func isInside(_ reference: String, stored: Bool, held: [LogEntry]) -> Bool {
        let passages = held.filter { $0.reference == reference && $0.details.scan?.isPassage == true }
        guard let last = passages.max(by: { LogOrder.precedes($0, $1) }) else { return stored }
        return last.details.scan?.direction == .in
    }

    /// The store's count, corrected for the held scans: each delegate held counts as the door last saw them rather
    /// than as the store has them (so a scan already written is not counted twice).
    static func occupancy(_ state: DoorState, held: [LogEntry]) -> Int {
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

    /// Writes the pending scans into the store behind the answers, retrying while the store is locked.
    private func writeBehind() {
        guard writer == nil else { return }
        writer = Task { await self.writePending() }
    }

    private func writePending() async {
        let database = database
        while !pending.isEmpty {
            let batch = pending
            do {
                _ = try await DispatchQueue.blocking.perform { try database.append(batch) }
                let written = Set(batch.map(\.id))
                pending.removeAll { written.contains($0.id) }
                // Every scan written to the outbox is pending until the store has it, so none is cut off here.
                if pending.isEmpty { try outbox.clear() }
            } catch {
                // The store is locked past its busy timeout, or failed: the scans are safe in the outbox; try again.
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
        writer = nil
    }
}
