import DoorRules
public import Foundation
public import Roster
import RosterStore
public import Scanning
import Synchronization

extension Station {
    /// The door named `name` in the station's configuration; or, for a session code with no door configured, that
    /// session's door with the default rules. So `lanyard door` and `lanyard verify` decide alike.
    /// - Throws: ``LanyardError`` `notFound` naming the configured doors.
    public func door(named name: String) async throws -> DoorController {
        if let door = configuration.doors.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) {
            return try await controller(for: door)
        }
        let sessions = try await store { try $0.sessions() }
        if let session = sessions.first(where: { $0.code.caseInsensitiveCompare(name) == .orderedSame }) {
            return try await self.door(session: session.code)
        }
        let known = configuration.doors.map(\.name) + sessions.map(\.code)
        throw LanyardError(.notFound, "There is no door or session “\(name)”.", remedy: "Doors: \(known.joined(separator: ", ")).")
    }

    /// A session's door: the one configured for it, or one with the default rules.
    public func door(session code: String) async throws -> DoorController {
        let door = configuration.doors.first { $0.place == .session(code.uppercased()) } ?? Door(place: .session(code.uppercased()))
        return try await controller(for: door)
    }

    /// An area's door: the one configured for it, or one with the default rules.
    public func door(area name: String) async throws -> DoorController {
        let door =
            configuration.doors.first {
                if case .area(let area, _) = $0.place { area.caseInsensitiveCompare(name) == .orderedSame } else { false }
            } ?? Door(place: .area(name: name, capacity: nil))
        return try await controller(for: door)
    }

    /// Runs a door from a scanner: each scan is decided and recorded, and every verdict and scanner event comes out
    /// as a ``DoorUpdate``, until the scanner's input ends or the consuming task stops. A scan that cannot be decided
    /// (the store failed) is reported and the door goes on.
    public func run(_ door: DoorController, direction: Direction, input: some ScannerInput) -> AsyncStream<DoorUpdate> {
        AsyncStream { continuation in
            let task = Task {
                for await event in input.events() {
                    switch event {
                    case .scan(let code):
                        do {
                            continuation.yield(.verdict(try await door.scan(code, direction: direction)))
                        } catch {
                            continuation.yield(.problem("This scan could not be decided: \(error). Scan again."))
                        }
                    case .duplicate:
                        continuation.yield(.note("Same badge again: counted once."))
                    case .partialDiscarded:
                        continuation.yield(.note("Only part of a code was read. Scan again."))
                    case .disconnected(let reason):
                        continuation.yield(.note("Scanner disconnected (\(reason)). Waiting for it…"))
                    case .reconnected(let path):
                        continuation.yield(.note("Scanner reconnected: \(path)."))
                    }
                }
                await door.flush()
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// A scanner's input: `device` (`stdin`, a `/dev/input/event*` keyboard wedge or a serial device) read with the
    /// named profile's layout, speed and framing.
    public func scanner(device: String, profile: String?) throws -> DeviceScanner {
        let profile = try profile.map { try catalogue.scanner(named: $0) }
        let source = ScannerSource(argument: device, layout: profile?.layout ?? .us, baud: profile?.baud ?? 9600)
        return DeviceScanner(source: source, framer: profile?.framer ?? ScanFramer())
    }

    private func controller(for door: Door) async throws -> DoorController {
        if let existing = doors.withLock({ $0[door.name] }) { return existing }
        let ledger = try ledger(of: door.placeName)
        let (desk, station, hub) = (desk, name, events)
        let controller = try await DispatchQueue.blocking.perform {
            try DoorController(door: door, desk: desk, stationName: station, ledger: ledger, hub: hub)
        }
        return doors.withLock { known in
            if let existing = known[door.name] { return existing }
            known[door.name] = controller
            return controller
        }
    }

    /// The ledger every door of `place` shares.
    private func ledger(of place: String) throws -> PlaceLedger {
        let (database, folder, station) = (database, configuration.data, name)
        return try ledgers.withLock { known in
            if let existing = known[place] { return existing }
            let outbox = try LogOutbox(folder: folder, name: "\(station)-\(place)")
            let ledger = PlaceLedger(place: place, database: database, outbox: outbox)
            known[place] = ledger
            return ledger
        }
    }
}

extension Station {
    /// The doors a steward can pick: those configured for the station, then each session without one (with the
    /// default rules).
    public func doorList() async throws -> [DoorView] {
        let sessions = try await store { try $0.sessions() }
        let configured = configuration.doors.map { door in
            DoorView(door: door, session: sessions.first { door.place == .session($0.code.uppercased()) })
        }
        let covered = Set(configured.map(\.place))
        let others = sessions.filter { !covered.contains($0.code.uppercased()) }.map {
            DoorView(door: Door(place: .session($0.code.uppercased())), session: $0)
        }
        return configured + others
    }
}

extension Station {
    /// How long a steward may take to annul their own mistaken scan.
    public static let annulmentWindow: TimeInterval = 120

    /// Annuls a steward's own latest scan, within ``annulmentWindow`` of it: logged, and no longer counted. It is
    /// decided in the place's turn, so no scan of that place slips in between.
    /// - Throws: ``LanyardError`` `notFound`, `notPermitted`, `tooLate` or `conflict`.
    public func annulScan(_ id: UUID, reason: String?, by staff: String?) async throws -> LogEntry {
        try FieldLimit.check(reason, "reason")
        await flushDoors()
        let scan = try await store { try $0.logEntry(id) }?.details.scan
        let ledger = scan.flatMap { scan in ledgers.withLock { $0[scan.door] } }
        let annulment: LogEntry
        if let ledger {
            // Decided in the place's turn, the doors' held scans flushed before it: a scan the steward made since the
            // flush is their latest, so an older one can no longer be annulled. The annulment's own write happens in
            // the turn, so while another process holds the store's lock the place's doors wait for it too.
            annulment = try await ledger.exclusively { held in
                if held.contains(where: { $0.staff == staff && $0.kind == .scan }) {
                    throw LanyardError(.notPermitted, "Only the latest scan a steward made can be annulled, by that steward.")
                }
                return try await self.annulStoredScan(id, reason: reason, by: staff)
            }
        } else {
            annulment = try await annulStoredScan(id, reason: reason, by: staff)
        }
        events.publish(.entry(annulment))
        if let ledger, let place = scan?.door {
            let capacity = doors.withLock { $0.values.first { $0.door.placeName == place }?.capacity }
            events.publish(.occupancy(place: place, count: try await ledger.occupancy(), capacity: capacity))
        }
        return annulment
    }

    private func annulStoredScan(_ id: UUID, reason: String?, by staff: String?) async throws -> LogEntry {
        let station = name
        return try await store { database in
            try database.annulScan(id, station: station, staff: staff, reason: reason, within: Self.annulmentWindow)
        }
    }
}

extension Station {
    /// Waits until every scan the station's doors answered is in the store.
    public func flushDoors() async {
        for ledger in ledgers.withLock({ Array($0.values) }) { await ledger.flush() }
    }
}

extension Station {
    /// The scans the station's doors answered but have not written into the store yet (while an import holds its
    /// write lock, or for the few milliseconds of writing behind).
    func heldScans() async -> [LogEntry] {
        var held: [LogEntry] = []
        for ledger in ledgers.withLock({ Array($0.values) }) { held += await ledger.held }
        return held
    }

    /// The on-site log as the station knows it: `stored`, and the held scans it does not have yet. Roll-calls and
    /// figures read this (replaying it in ``LogOrder``), so that someone just admitted at a door is on them at once.
    static func log(_ stored: [LogEntry], with held: [LogEntry]) -> [LogEntry] {
        guard !held.isEmpty else { return stored }
        let heldIDs = Set(held.map(\.id))
        return stored.filter { !heldIDs.contains($0.id) } + held
    }
}
