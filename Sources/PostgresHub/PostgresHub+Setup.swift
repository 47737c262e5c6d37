import Foundation
import PostgresNIO
import Roster
import RosterStore
public import Station

extension PostgresHub {
    /// What a hub starting on the database found there.
    public enum Start: Sendable, Equatable {
        /// The database was empty: this hub put its event, roster and log there.
        case seeded
        /// The database holds the event already: this hub keeps its copy in step with it.
        case joined
    }

    /// Brings the database's tables up to this version of Lanyard, one migration at a time, whichever hub gets there
    /// first (the others wait on an advisory lock).
    public func migrate() async throws {
        try await failing("be brought up to date") { [self] in
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
                try await connection.query(
                    "CREATE TABLE IF NOT EXISTS hub_migration (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                    logger: logger)
                var applied: Set<Int> = []
                for try await version in try await connection.query("SELECT version FROM hub_migration", logger: logger).decode(Int.self) {
                    applied.insert(version)
                }
                for (version, statements) in PostgresHubMigrations.all where !applied.contains(version) {
                    for statement in statements { try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
                    try await connection.query("INSERT INTO hub_migration (version) VALUES (\(version))", logger: logger)
                }
            }
        }
    }

    /// Puts `station`'s event, roster and log in the database, all or nothing, when it holds no event yet; otherwise
    /// checks that it holds the same event (a hub with another event's folder is refused).
    public func seed(from station: Station) async throws -> Start {
        let package = try await station.eventPackage(for: station.name, signingKey: true)
        let log = try Self.rows(of: try await station.database.perform { try $0.logEntries() })
        let start: Start = try await failing("take the event", within: timeout * 6) { [self] in
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
                let rows = try await connection.query("SELECT package FROM hub_event WHERE id = 1", logger: logger)
                for try await text in rows.decode(String.self) {
                    let held = try SyncJSON.decoder().decode(EventPackage.self, from: Data(text.utf8))
                    guard held.event.id == package.event.id else {
                        throw LanyardError(
                            .conflict, "The hub database \(address) holds another event (\(held.event.name)).",
                            remedy: "Give each event a database of its own.")
                    }
                    return .joined
                }
                var event = package
                event.delegates = []
                let eventText = String(decoding: try SyncJSON.encoder().encode(event), as: UTF8.self)
                try await connection.query(
                    "INSERT INTO hub_event (id, package, roster_revision) VALUES (1, \(eventText), 1)", logger: logger)
                try await write(package.delegates, on: connection)
                _ = try await insert(log, on: connection)
                return .seeded
            }
        }
        if start == .seeded { try await station.noteRosterInStep() }
        return start
    }

    /// The advisory lock migrations and the first seeding take.
    static let migrationLock: Int64 = 0x4C41_4E59_0000
}
