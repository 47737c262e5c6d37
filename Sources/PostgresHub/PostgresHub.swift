import Foundation
public import Logging
import PostgresNIO
public import Roster
import RosterStore
import ServiceLifecycle
public import Station
public import Sync

/// An event kept in PostgreSQL for several hubs at once: the roster, the merged on-site log, the stations heard from
/// and their tokens. Any hub takes any station's entries (once each, by id, under a unique constraint); every hub
/// answers pulls by the same positions, so a station moves from one hub to another without losing or doubling
/// anything. Each hub also keeps its own SQLite copy of the event, in step with the database (``HubLink``), for its
/// pages and its dashboard.
///
/// Run ``run()`` (the connection pool) for as long as the hub uses it.
public final class PostgresHub: HubStore, HubLink, Sendable {
    let client: PostgresClient
    let logger: Logger
    /// The address, without its password, for messages.
    public let address: String
    /// How long one call waits for the database (a connection included) before giving up.
    let timeout: Duration

    /// - Parameter url: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require]`.
    /// - Throws: ``LanyardError`` `configurationError` when the URL is not one.
    public init(url: String, timeout: Duration = .seconds(10), logger: Logger) throws {
        let (configuration, address) = try PostgresAddress.configuration(url)
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
        self.address = address
        self.timeout = timeout
    }

    /// Runs the connection pool until the task is cancelled.
    public func run() async {
        await client.run()
    }

    // MARK: HubStore: what stations ask any hub

    public func eventPackage(for peer: String, signingKey: Bool) async throws -> EventPackage {
        try await failing("read the event") { [self] in
            guard
                let (text, revision) = try await client.query("SELECT package, roster_revision FROM hub_event WHERE id = 1", logger: logger)
                    .decode((String, Int64).self).first(where: { _ in true })
            else {
                throw LanyardError(
                    .noEvent, "The hub database \(address) holds no event.", remedy: "Start the first hub with its event's data folder.")
            }
            var package = try SyncJSON.decoder().decode(EventPackage.self, from: Data(text.utf8))
            var delegates: [Delegate] = []
            for try await body in try await client.query("SELECT body FROM hub_delegate ORDER BY reference", logger: logger).decode(String.self) {
                delegates.append(try SyncJSON.decoder().decode(Delegate.self, from: Data(body.utf8)))
            }
            package.station = peer
            package.delegates = delegates
            package.rosterRevision = revision
            package.lastSequence =
                try await client.query("SELECT MAX(sequence) FROM hub_entry WHERE station = \(peer)", logger: logger).decode(Int64?.self)
                .first(where: { _ in true }) ?? nil
            if !signingKey { package.signingKey = nil }
            return package
        }
    }

    public func merge(_ entries: [LogEntry]) async throws -> Int {
        guard !entries.isEmpty else { return 0 }
        let rows = try Self.rows(of: entries)
        return try await failing("store the entries") { [self] in
            try await client.withTransaction(logger: logger) { connection in try await insert(rows, on: connection) }
        }
    }

    /// Entries as the database keeps them.
    static func rows(of entries: [LogEntry]) throws -> [EntryRow] {
        try entries.map {
            EntryRow(id: $0.id, station: $0.station, sequence: $0.sequence, body: String(decoding: try SyncJSON.encoder().encode($0), as: UTF8.self))
        }
    }

    /// An entry as the database keeps it.
    struct EntryRow: Sendable {
        let id: UUID
        let station: String
        let sequence: Int64?
        let body: String
    }

    /// Appends the entries of `rows` the database does not hold yet, in their order, within the caller's transaction.
    /// - Returns: How many were new.
    func insert(_ rows: [EntryRow], on connection: PostgresConnection) async throws -> Int {
        // One writer at a time: positions then become visible in their order, so a reader's cursor never passes an
        // entry still being committed.
        try await connection.query("SELECT pg_advisory_xact_lock(\(Self.entryLock))", logger: logger)
        // A thousand entries a statement, as arrays unnested in the order given (one round trip each, rather than one
        // per entry); an entry the hub holds already is skipped, once or however often it is sent.
        var merged = 0
        for start in stride(from: 0, to: rows.count, by: 1_000) {
            let part = rows[start..<min(start + 1_000, rows.count)]
            // No sequence number (an entry made before stations numbered theirs) travels as 0: arrays take no NULLs here.
            let (ids, stations, sequences, texts) = (part.map(\.id), part.map(\.station), part.map { $0.sequence ?? 0 }, part.map(\.body))
            let inserted = try await connection.query(
                """
                INSERT INTO hub_entry (id, station, sequence, body)
                SELECT id, station, NULLIF(sequence, 0), body
                FROM unnest(\(ids)::uuid[], \(stations)::text[], \(sequences)::bigint[], \(texts)::text[])
                    WITH ORDINALITY AS given (id, station, sequence, body, place)
                ORDER BY place
                ON CONFLICT (id) DO NOTHING RETURNING position
                """, logger: logger)
            for try await _ in inserted { merged += 1 }
        }
        if merged > 0 { try await connection.query("NOTIFY hub_entries", logger: logger) }
        return merged
    }

    public func entries(after position: Int64, limit: Int, wait: Duration, roster: Int64?) async throws -> SyncBatch {
        let deadline = ContinuousClock.now + wait
        while true {
            let (found, revision) = try await failing("read the log") { [self] in
                var found: [PositionedEntry] = []
                let rows = try await client.query(
                    "SELECT position, body FROM hub_entry WHERE position > \(position) ORDER BY position LIMIT \(limit)", logger: logger)
                for try await (at, body) in rows.decode((Int64, String).self) {
                    found.append(PositionedEntry(position: at, entry: try SyncJSON.decoder().decode(LogEntry.self, from: Data(body.utf8))))
                }
                let revision =
                    try await client.query("SELECT roster_revision FROM hub_event WHERE id = 1", logger: logger)
                    .decode(Int64.self).first(where: { _ in true }) ?? 0
                return (found, revision)
            }
            if !found.isEmpty || roster.map({ $0 != revision }) == true || ContinuousClock.now >= deadline || Task.isCancelled
                || Task.isShuttingDownGracefully
            {
                return SyncBatch(entries: found, last: found.last?.position ?? position, rosterRevision: revision)
            }
            try await Task.sleep(for: min(.milliseconds(100), deadline - ContinuousClock.now))
        }
    }

    public func recordContact(of station: String, pulled: Int64?) async {
        do {
            // Best effort, and short: a station's long poll (and a hub's shutdown) never waits long on it.
            _ = try await failing("note a station's contact", within: .seconds(2)) { [self] in
                try await client.query(
                    """
                    INSERT INTO hub_station (station, last_contact, pulled) VALUES (\(station), now(), \(pulled ?? 0))
                    ON CONFLICT (station) DO UPDATE SET last_contact = now(),
                        pulled = GREATEST(hub_station.pulled, EXCLUDED.pulled)
                    """, logger: logger)
            }
        } catch {
            logger.warning("The hub database could not note a station's contact", metadata: ["error": "\(String(reflecting: error))"])
        }
    }

    public func syncPeers() async throws -> [SyncPeer] {
        try await failing("read the stations") { [self] in
            let last =
                try await client.query("SELECT COALESCE(MAX(position), 0) FROM hub_entry", logger: logger).decode(Int64.self)
                .first(where: { _ in true }) ?? 0
            var peers: [SyncPeer] = []
            let rows = try await client.query(
                """
                SELECT hub_station.station, last_contact, pulled, COALESCE(highest, 0), COALESCE(held, 0) FROM hub_station
                LEFT JOIN (SELECT station, MAX(sequence) AS highest, COUNT(sequence) AS held FROM hub_entry GROUP BY station) AS made
                    ON made.station = hub_station.station
                ORDER BY hub_station.station
                """, logger: logger)
            for try await (station, contact, pulled, highest, held) in rows.decode((String, Date, Int64, Int64, Int64).self) {
                peers.append(
                    SyncPeer(
                        station: station, lastContact: contact, pulled: pulled, behind: max(0, last - pulled), made: highest, missing: highest - held)
                )
            }
            return peers
        }
    }

    // MARK: HubLink: the hub's own copy kept in step

    public func probe() async throws {
        _ = try await failing("answer") { [self] in try await client.query("SELECT 1", logger: logger) }
    }

    public func event(signing: Bool) async throws -> EventPackage {
        try await eventPackage(for: "", signingKey: signing)
    }

    public func push(_ entries: [LogEntry]) async throws -> Int {
        try await merge(entries)
    }

    public func pull(after position: Int64, limit: Int, wait: Int, roster: Int64?) async throws -> SyncBatch {
        try await entries(after: position, limit: limit, wait: .seconds(wait), roster: roster)
    }

    // MARK: Shared

    /// The advisory lock every push takes, so that positions commit in order.
    static let entryLock: Int64 = 0x4C41_4E59_0001

    /// Runs `body` within the hub's timeout (or `limit`), turning a database failure (or a database that does not answer) into a
    /// ``LanyardError`` `hubUnreachable` that says what was being done. It answers at once when the caller is cancelled
    /// (a hub shutting down) or the timeout passes, even while the database client still waits for a connection:
    /// that call ends on its own, by the server's statement timeout or when the pool shuts down.
    func failing<T: Sendable>(
        _ doing: String, within limit: Duration? = nil, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let (answers, answer) = AsyncThrowingStream<T, any Error>.makeStream()
        let work = Task {
            do {
                answer.yield(try await body())
                answer.finish()
            } catch let error as LanyardError {
                answer.finish(throwing: error)
            } catch {
                answer.finish(
                    throwing: LanyardError(
                        .hubUnreachable, "The hub database \(address) could not \(doing): \(String(reflecting: error)).",
                        remedy: "Check that PostgreSQL is running and reachable; the hub tries again."))
            }
        }
        let timeout = limit ?? timeout
        let timer = Task { [address] in
            // A hub that is stopping gives the database a moment more, not the whole timeout: a graceful shutdown
            // waits for what is in flight, and a database that is gone would hold it.
            await cancelWhenGracefulShutdown { try? await Task.sleep(for: timeout) }
            let stopping = Task.isShuttingDownGracefully
            if stopping { try? await Task.sleep(for: .seconds(1)) }
            guard !Task.isCancelled else { return }
            let when = stopping ? "before the hub stopped" : "within \(timeout)"
            answer.finish(throwing: LanyardError(.hubUnreachable, "The hub database \(address) did not answer \(when)."))
            work.cancel()
        }
        defer { timer.cancel() }
        for try await value in answers { return value }
        work.cancel()
        throw CancellationError()
    }
}
