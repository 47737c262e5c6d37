import Foundation
import Hummingbird
import Roster
import RosterStore
import Station

/// The hub's side of sync, for stations joined with a `station` token: the event to join, their entries pushed,
/// the merged log pulled by cursor (a long poll), and, for organisers, each station's last contact and lag.
struct SyncController {
    let station: Station
    let settings: ServerConfiguration.Hub
    /// Where entries go and come from: the hubs' shared database, or this station's own store.
    var store: any HubStore { settings.store ?? station }

    func addRoutes(to stations: RouterGroup<StationRequestContext>, organiser: RouterGroup<StationRequestContext>) {
        addPeerRoutes(to: stations, organiser: organiser)
        stations.get("sync/event", use: event)
        stations.get("sync/entries", use: pull)
        stations.get("sync/tokens") { _, _ in
            struct Tokens: Encodable { let tokens: [SharedStationToken] }
            return try Self.json(Tokens(tokens: try await store.stationTokens()))
        }
    }

    /// What a joined station answers too: the entries of another station of the event pushed to it directly (doors
    /// of one room on different stations), merged as a hub merges them, and the stations heard from.
    func addPeerRoutes(to stations: RouterGroup<StationRequestContext>, organiser: RouterGroup<StationRequestContext>) {
        stations.post("sync/entries", use: push)
        organiser.get("sync/stations") { _, _ in try Self.json(try await store.syncPeers()) }
    }

    /// `?signing=true` from a desk that prints: the signing key too, when the hub's organiser named the station.
    @Sendable func event(_ request: Request, context: StationRequestContext) async throws -> Response {
        let name = try peer(context)
        let signing = request.uri.queryParameters.get("signing") == "true" && settings.signingStations.contains(name.lowercased())
        await store.recordContact(of: name, pulled: nil)
        return try Self.json(try await store.eventPackage(for: name, signingKey: signing))
    }

    /// `{entries: [LogEntry]}` made at the station: merged, each once. Answers `{received, merged}`.
    @Sendable func push(_ request: Request, context: StationRequestContext) async throws -> Response {
        let name = try peer(context)
        let data = try await request.body.collect(upTo: context.maxUploadSize)
        let body: Push
        do {
            body = try SyncJSON.decoder().decode(Push.self, from: Data(data.readableBytesView))
        } catch {
            throw LanyardError(.invalidInput, "The entries pushed cannot be read: \(error).", remedy: "Push them again as {entries: [...]}.")
        }
        guard body.entries.allSatisfy({ $0.station == name }) else {
            throw LanyardError(.notPermitted, "A station pushes only its own entries.", remedy: "Push the entries made at \(name).")
        }
        let merged = try await store.merge(body.entries)
        await store.recordContact(of: name, pulled: nil)
        return try Self.json(Pushed(received: body.entries.count, merged: merged))
    }

    /// `?after=POSITION&limit=N&wait=SECONDS&roster=REVISION`: the hub's log after the cursor and its roster
    /// revision, waiting up to `wait` (at most 25 s) while there is nothing new and the station's roster revision is
    /// the hub's.
    @Sendable func pull(_ request: Request, context: StationRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let after = Int64(query.get("after") ?? "0") ?? 0
        let limit = min(max(Int(query.get("limit") ?? "500") ?? 500, 1), 2_000)
        let wait = min(max(Double(query.get("wait") ?? "0") ?? 0, 0), 25)
        let name = try peer(context)
        await store.recordContact(of: name, pulled: after)
        let roster = query.get("roster").flatMap { Int64($0) }
        let batch = try await store.entries(after: after, limit: limit, wait: .milliseconds(Int(wait * 1_000)), roster: roster)
        // A station revoked while its long poll waited gets nothing more.
        guard let secret = context.secret, try await isStillValid(secret) else {
            throw LanyardError(.notSignedIn, "This station's token was revoked.", remedy: "Make a new station token on the hub.")
        }
        await store.recordContact(of: name, pulled: batch.last)
        return try Self.json(batch)
    }

    private func isStillValid(_ secret: String) async throws -> Bool {
        if try await station.authenticate(secret) != nil { return true }
        guard let shared = settings.sharedToken else { return false }
        return try await shared(secret) != nil
    }

    private func peer(_ context: StationRequestContext) throws -> String {
        guard let name = context.credential?.staff.name else {
            throw LanyardError(.notPermitted, "Sync needs a station token.", remedy: "Make one on the hub: lanyard staff token NAME --role station.")
        }
        return name
    }

    struct Push: Decodable {
        let entries: [LogEntry]
    }

    /// Entries travel with their times to the millisecond (``SyncJSON``).
    private static func json(_ value: some Encodable) throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: try SyncJSON.encoder().encode(value))))
    }

    struct Pushed: Encodable {
        let received: Int
        let merged: Int
    }
}
