public import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
public import Roster
import RosterStore
public import Station
import Synchronization

/// A station's connection to its hub: the event to join, its own entries pushed, the hub's log pulled by cursor.
/// Every call carries the station token; a hub that cannot be reached, or refuses the token, is a
/// ``LanyardError`` `hubUnreachable`.
///
/// Given several hubs (hubs on PostgreSQL sharing one event, which answer by the same log positions), a call that
/// cannot reach the hub in use goes to the next, which is used from then on.
public final class HubClient: Sendable {
    /// The hubs' addresses, `https://hub.example:8443`.
    public let urls: [URL]
    private let token: String
    private let client: HTTPClient
    private let ownsClient: Bool
    /// The hub in use, an index into ``urls``.
    private let current = Mutex(0)

    /// The hub in use.
    public var url: URL { urls[current.withLock { $0 }] }

    public convenience init(url: URL, token: String, client: HTTPClient = .shared) {
        self.init(urls: [url], token: token, client: client)
    }

    public init(urls: [URL], token: String, client: HTTPClient = .shared) {
        precondition(!urls.isEmpty, "A station joins at least one hub.")
        self.urls = urls
        self.token = token
        self.client = client
        ownsClient = false
    }

    /// A client of its own that also trusts `authority`, a PEM file of certificate authorities: the hubs'
    /// `station-ca.pem` when they serve HTTPS with `--tls self-signed`. ``close()`` it when done.
    /// - Throws: ``LanyardError`` `invalidInput` when the file holds no readable certificate.
    public init(urls: [URL], token: String, trusting authority: URL) throws {
        precondition(!urls.isEmpty, "A station joins at least one hub.")
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(authority.path)
        } catch {
            throw LanyardError(
                .invalidInput, "The hub's certificate authority \(authority.path) cannot be read (\(error)).",
                remedy: "Copy station-ca.pem from the hub's data folder and give its path.")
        }
        guard !certificates.isEmpty else {
            throw LanyardError(.invalidInput, "\(authority.path) holds no certificate.", remedy: "Give the hub's station-ca.pem.")
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.additionalTrustRoots = [.certificates(certificates)]
        self.urls = urls
        self.token = token
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
        ownsClient = true
    }

    /// Shuts down the client this hub client made for itself, if any.
    public func close() async {
        if ownsClient { try? await client.shutdown() }
    }

    /// Checks within 15 seconds that the hub answers and takes the token, before a long call: a hub that is down
    /// fails here rather than at a long call's deadline, and a busy one still has time to answer.
    public func probe() async throws {
        let _: SyncBatch = try await call(.GET, "sync/entries?after=0&limit=1&wait=0", timeout: .seconds(15))
    }

    /// The event to join; with `signing`, the signing key too when the hub shares it.
    public func event(signing: Bool) async throws -> EventPackage {
        try await call(.GET, "sync/event?signing=\(signing)", timeout: .seconds(120))
    }

    /// Pushes entries made at this station.
    /// - Returns: How many the hub did not have.
    public func push(_ entries: [LogEntry]) async throws -> Int {
        struct Push: Encodable { let entries: [LogEntry] }
        struct Pushed: Decodable { let merged: Int }
        let pushed: Pushed = try await call(.POST, "sync/entries", body: Push(entries: entries), timeout: .seconds(30))
        return pushed.merged
    }

    /// The event's station tokens, as hashes, revoked ones marked.
    public func stationTokens() async throws -> [SharedStationToken] {
        struct Tokens: Decodable { let tokens: [SharedStationToken] }
        let answer: Tokens = try await call(.GET, "sync/tokens", timeout: .seconds(30))
        return answer.tokens
    }

    /// The first of `entries` (at least one) whose push fits in the hub's 4 MB limit for sync requests, with room
    /// to spare.
    static func fitting(_ entries: [PositionedEntry]) throws -> [PositionedEntry] {
        struct Push: Encodable { let entries: [LogEntry] }
        var count = entries.count
        while count > 1, try SyncJSON.encoder().encode(Push(entries: entries.prefix(count).map(\.entry))).count > 3_000_000 {
            count /= 2
        }
        return Array(entries.prefix(count))
    }

    /// The hub's log after `position`, waiting up to `wait` seconds for something new.
    /// With `roster`, the hub's roster revision the station holds: the hub answers at once when its own differs.
    public func pull(after position: Int64, limit: Int, wait: Int, roster: Int64? = nil) async throws -> SyncBatch {
        let known = roster.map { "&roster=\($0)" } ?? ""
        return try await call(.GET, "sync/entries?after=\(position)&limit=\(limit)&wait=\(wait)\(known)", timeout: .seconds(Int64(wait) + 30))
    }

    /// Calls the hub in use and, when it cannot be reached or refuses the token (a hub that has not heard of a token
    /// made at another hub yet), each other hub in turn.
    private func call<Answer: Decodable>(
        _ method: HTTPMethod, _ path: String, body: (some Encodable)? = String?.none, timeout: TimeAmount
    ) async throws -> Answer {
        let start = current.withLock { $0 }
        var failure: LanyardError?
        for offset in 0..<urls.count {
            let index = (start + offset) % urls.count
            do {
                let answer: Answer = try await call(urls[index], method, path, body: body, timeout: timeout)
                if offset > 0 { current.withLock { $0 = index } }
                return answer
            } catch let error as LanyardError where error.code == .hubUnreachable || error.code == .notPermitted {
                // A refusal says more than a hub that cannot be reached.
                if failure?.code != .notPermitted { failure = error }
            }
        }
        throw failure!
    }

    private func call<Answer: Decodable>(
        _ url: URL, _ method: HTTPMethod, _ path: String, body: (some Encodable)?, timeout: TimeAmount
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: url.appendingPathComponent("api/v1").absoluteString + "/" + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try SyncJSON.encoder().encode(body)))
        }
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await client.execute(request, timeout: timeout)
            bytes = try await response.body.collect(upTo: 512 * 1024 * 1024)
        } catch NIOSSLError.handshakeFailed {
            throw LanyardError(
                .hubUnreachable, "The hub at \(url.absoluteString) cannot be reached: its certificate is not one this station trusts.",
                remedy: "Give --hub-ca with the hub's station-ca.pem (from its data folder) when it serves with --tls self-signed.")
        } catch {
            throw LanyardError(
                .hubUnreachable, "The hub at \(url.absoluteString) cannot be reached (\(error)).",
                remedy: "Check the network and that the hub is running; the station keeps working and syncs when it is back.")
        }
        guard response.status == .ok else {
            if response.status == .unauthorized || response.status == .forbidden {
                throw LanyardError(
                    .notPermitted, "The hub at \(url.absoluteString) refused this station's token (\(response.status.code)).",
                    remedy: "Make a new station token on the hub: lanyard staff token NAME --role station.")
            }
            throw LanyardError(
                .hubUnreachable, "The hub at \(url.absoluteString) answered \(response.status.code): \(String(buffer: bytes).prefix(300))",
                remedy: "Look at the hub's log.")
        }
        do {
            return try SyncJSON.decoder().decode(Answer.self, from: Data(bytes.readableBytesView))
        } catch {
            throw LanyardError(.hubUnreachable, "The hub's answer cannot be read: \(error).", remedy: "Run the same Lanyard version on the hub.")
        }
    }
}
