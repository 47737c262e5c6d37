import Foundation
import PostgresNIO
import Roster
import RosterStore
public import Station
import Sync

/// The event's roster in the database: written by the hub that pulled it from the registration system, or by a hub
/// whose folder took an import while it was stopped, under a new roster revision that every hub and every station
/// joined to one then takes.
extension PostgresHub {
    /// Makes `station`'s roster (categories, programme, delegates) the event's. Only changed registrations are
    /// written.
    func share(rosterOf station: Station, on connection: PostgresConnection) async throws {
        let roster = try await station.eventPackage(for: station.name, signingKey: false)
        let revision = try await publish(roster.delegates, on: connection) { event in
            (event.categories, event.sessions) = (roster.categories, roster.sessions)
        }
        // This hub has that roster already.
        try await station.advanceSyncCursor("roster", to: revision)
        try await station.noteRosterInStep()
    }

    /// Adds to the event's roster the registrations an import changed in `station`'s folder while this hub was
    /// stopped (the organiser's import is the newest word on those), waiting for a pull under way at another hub;
    /// then takes the event's roster. Notes the folder in step when it held none (one that never was).
    /// - Returns: Whether the folder held such an import.
    public func shareRosterImportedWhileStopped(by station: Station) async throws -> Bool {
        let shared = try await failing("share the roster imported here", within: .seconds(900)) { [self] in
            try await client.withConnection { connection in
                try await holdingUpstreamLock(connection, waits: true) { try await shareUnshared(of: station, on: connection) }
            }
        }
        if shared == true { try await station.takeRoster(of: try await eventPackage(for: station.name, signingKey: false)) }
        return shared == true
    }

    /// Adds to the event's roster the registrations an import changed in `station`'s copy that it does not have yet
    /// (a hub's folder imported while stopped, or a pull whose roster could not be shared), and the categories and
    /// sessions the event lacks; everything else stays as the database has it, newer pulls by other hubs included.
    /// The caller holds the upstream lock on `connection`.
    /// - Returns: Whether there were any.
    func shareUnshared(of station: Station, on connection: PostgresConnection) async throws -> Bool {
        guard let imported = try await station.rosterImportedSinceInStep() else {
            try await station.noteRosterInStep()
            return false
        }
        let roster = try await station.eventPackage(for: station.name, signingKey: false)
        _ = try await publish(imported, on: connection) { event in
            let (categories, sessions) = (Set(event.categories.map(\.code)), Set(event.sessions.map(\.code)))
            event.categories += roster.categories.filter { !categories.contains($0.code) }
            event.sessions += roster.sessions.filter { !sessions.contains($0.code) }
        }
        try await station.noteRosterInStep()
        return true
    }

    /// Writes `delegates` into the event's roster, with its categories and sessions as `adjusting` leaves them, under
    /// a new roster revision, in one transaction.
    /// - Returns: The new revision.
    private func publish(
        _ delegates: [Delegate], on connection: PostgresConnection, adjusting: @escaping @Sendable (inout EventPackage) -> Void
    ) async throws -> Int64 {
        try await connection.withTransaction(logger: logger) { connection in
            let held = try await connection.query("SELECT package FROM hub_event WHERE id = 1 FOR UPDATE", logger: logger).decode(String.self)
                .first(where: { _ in true })
            guard let held else {
                throw LanyardError(
                    .noEvent, "The hub database \(address) holds no event.", remedy: "Start the first hub with its event's data folder.")
            }
            var event = try SyncJSON.decoder().decode(EventPackage.self, from: Data(held.utf8))
            adjusting(&event)
            let text = String(decoding: try SyncJSON.encoder().encode(event), as: UTF8.self)
            try await write(delegates, on: connection)
            return try await connection.query(
                "UPDATE hub_event SET package = \(text), roster_revision = roster_revision + 1 WHERE id = 1 RETURNING roster_revision",
                logger: logger
            ).decode(Int64.self).first(where: { _ in true }) ?? 0
        }
    }

    /// Writes `delegates` into the event's roster, a thousand a statement: new registrations added, changed ones
    /// replaced, the others left as they are.
    func write(_ delegates: [Delegate], on connection: PostgresConnection) async throws {
        for start in stride(from: 0, to: delegates.count, by: 1_000) {
            let part = delegates[start..<min(start + 1_000, delegates.count)]
            let references = part.map(\.reference)
            let bodies = try part.map { String(decoding: try SyncJSON.encoder().encode($0), as: UTF8.self) }
            try await connection.query(
                """
                INSERT INTO hub_delegate (reference, body) SELECT * FROM unnest(\(references)::text[], \(bodies)::text[])
                ON CONFLICT (reference) DO UPDATE SET body = EXCLUDED.body WHERE hub_delegate.body <> EXCLUDED.body
                """, logger: logger)
        }
    }
}
