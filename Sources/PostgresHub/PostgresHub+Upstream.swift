import Foundation
import PostgresNIO
import Roster
import RosterStore
public import Station
public import Sync

/// The event's pulls from the registration system, shared by its hubs: one hub pulls at a time (a PostgreSQL
/// advisory lock, which the database lets go of if that hub dies), starting from the event's roster, and the roster
/// it takes becomes the event's, for every hub and station. What each pull found is kept for all hubs.
extension PostgresHub: UpstreamLedger {
    public func exclusively<T: Sendable>(on station: Station, _ pull: @escaping @Sendable () async -> T) async throws -> T? {
        // Bounded for a hub whose database goes while it pulls, not for the pull's own speed.
        try await failing("hold the pull from the registration system", within: .seconds(900)) { [self] in
            try await client.withConnection { connection in
                try await holdingUpstreamLock(connection, waits: false) { try await pullHoldingTheLock(on: station, connection, pull) }
            }
        }
    }

    public func record(of source: String) async throws -> UpstreamRecord? {
        try await failing("read the last pull from the registration system") { [self] in
            let rows = try await client.query("SELECT etag, last_modified, last_pull FROM hub_upstream WHERE source = \(source)", logger: logger)
            for try await (etag, lastModified, last) in rows.decode((String?, String?, String).self) {
                let pull = try SyncJSON.decoder().decode(UpstreamPull.self, from: Data(last.utf8))
                return UpstreamRecord(validators: .init(etag: etag, lastModified: lastModified), last: pull)
            }
            return nil
        }
    }

    public func keep(_ pull: UpstreamPull, validators: UpstreamRecord.Validators?) async throws {
        let last = String(decoding: try SyncJSON.encoder().encode(pull), as: UTF8.self)
        let (etag, lastModified, replacing) = (validators?.etag, validators?.lastModified, validators != nil)
        _ = try await failing("keep a pull from the registration system") { [self] in
            try await client.query(
                """
                INSERT INTO hub_upstream (source, etag, last_modified, last_pull) VALUES (\(pull.source), \(etag), \(lastModified), \(last))
                ON CONFLICT (source) DO UPDATE SET last_pull = EXCLUDED.last_pull,
                    etag = CASE WHEN \(replacing) THEN EXCLUDED.etag ELSE hub_upstream.etag END,
                    last_modified = CASE WHEN \(replacing) THEN EXCLUDED.last_modified ELSE hub_upstream.last_modified END
                """, logger: logger)
        }
    }

    /// Brings `station` to the event's roster (another hub may have pulled a copy it has not taken yet: a pull from
    /// pretix asks only for what changed since), runs `pull` on it, and makes the roster it leaves the event's.
    private func pullHoldingTheLock<T: Sendable>(
        on station: Station, _ connection: PostgresConnection, _ pull: @Sendable () async -> T
    ) async throws -> T {
        // What an earlier pull here took but could not share goes first: the event's roster must not undo it.
        _ = try await shareUnshared(of: station, on: connection)
        let revision =
            try await connection.query("SELECT roster_revision FROM hub_event WHERE id = 1", logger: logger).decode(Int64.self)
            .first(where: { _ in true }) ?? 0
        if try await station.syncCursor("roster") != revision {
            try await station.takeRoster(of: try await eventPackage(for: station.name, signingKey: false))
        }
        let before = try await station.database.perform { try $0.importedRosterRevision() }
        let value = await pull()
        if try await station.database.perform({ try $0.importedRosterRevision() }) != before {
            try await share(rosterOf: station, on: connection)
        }
        return value
    }

    /// Runs `body` holding the lock on the pulls from the registration system on `connection`: nil at once when
    /// another hub holds it, or, when `waits`, once that hub lets it go (asking every second: a lock wait would meet
    /// the statement timeout). The lock is let go of whatever `body` does; when it cannot be, so is the connection,
    /// since a lock left on a pooled connection would keep every other hub from pulling.
    func holdingUpstreamLock<T: Sendable>(
        _ connection: PostgresConnection, waits: Bool, _ body: () async throws -> T
    ) async throws -> T? {
        while try await connection.query("SELECT pg_try_advisory_lock(\(Self.upstreamLock))", logger: logger).decode(Bool.self)
            .first(where: { _ in true }) != true
        {
            guard waits else { return nil }
            try await Task.sleep(for: .seconds(1))
        }
        do {
            let value = try await body()
            try await connection.query("SELECT pg_advisory_unlock(\(Self.upstreamLock))", logger: logger)
            return value
        } catch {
            do {
                try await connection.query("SELECT pg_advisory_unlock(\(Self.upstreamLock))", logger: logger)
            } catch {
                try? await connection.close()
            }
            throw error
        }
    }

    /// The advisory lock a hub holds while it pulls from the registration system.
    static let upstreamLock: Int64 = 0x4C41_4E59_0002
}
