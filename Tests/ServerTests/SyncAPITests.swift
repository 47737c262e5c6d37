import Foundation
import Hummingbird
import HummingbirdTesting
import LanyardTestSupport
import NIOCore
import Roster
import RosterStore
import Server
import Station
import Testing

/// The hub's side of sync through its router: only station tokens sync, a revoked one is refused at once, a
/// station pushes only its own entries, and a pull gives the log after the cursor with times to the millisecond.
@Suite struct SyncAPITests {
    static let hub = ServerConfiguration(port: 0, hub: .init())

    @Test(arguments: [(StaffRole.station, 200), (.organiser, 403), (.desk, 403), (.door, 403), (.kiosk, 403)])
    func onlyAStationTokenTakesTheEvent(role: StaffRole, status: Int) async throws {
        let fixture = try await ServerFixture()
        try await fixture.application(configuration: Self.hub).test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/sync/event", method: .get, headers: fixture.headers(role))
            #expect(response.status.code == status)
            if status == 200 {
                let package = try #require(try response.json() as? [String: Any])
                #expect(package["station"] as? String == "station")
                #expect(package["signingKey"] == nil, "not shared unless the hub allows it and the station asks")
                #expect((package["delegates"] as? [Any])?.count == 1_200)
            }
        }
    }

    @Test(arguments: [(StaffRole.station, 200), (.organiser, 403), (.desk, 403), (.door, 403), (.kiosk, 403)])
    func onlyAStationTokenTakesTheEventsStationTokensAndOnlyAsHashes(role: StaffRole, status: Int) async throws {
        let fixture = try await ServerFixture()
        try await fixture.application(configuration: Self.hub).test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/sync/tokens", method: .get, headers: fixture.headers(role))
            #expect(response.status.code == status)
            if status == 200, let secret = fixture.tokens[.station] {
                let body = String(buffer: response.body)
                let tokens = try #require((try response.json() as? [String: Any])?["tokens"] as? [[String: Any]])
                #expect(tokens.map { $0["station"] as? String } == ["station"], "the station tokens only")
                #expect(tokens.first?["secretHash"] as? String == RosterDatabase.secretHash(secret))
                #expect(!body.contains(secret), "never the secret itself")
            }
        }
    }

    @Test(arguments: [(Set(["station"]), true), (Set(["desk-2"]), false)])
    func theSigningKeyGoesOnlyToAStationTheOrganiserNamed(named: Set<String>, gets: Bool) async throws {
        let fixture = try await ServerFixture()
        try await fixture.application(configuration: .init(port: 0, hub: .init(signingStations: named))).test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/sync/event?signing=true", method: .get, headers: fixture.headers(.station))
            let package = try #require(try response.json() as? [String: Any])
            #expect((package["signingKey"] != nil) == gets)
        }
    }

    @Test func aStationRevokedOnTheHubIsRefusedAtOnceEvenWhileItsLongPollWaits() async throws {
        let fixture = try await ServerFixture()
        let last = try fixture.station.database.lastLogPosition()
        try await fixture.application(configuration: Self.hub).test(.router) { client in
            async let waiting = client.execute(uri: "/api/v1/sync/entries?after=\(last)&wait=3", method: .get, headers: fixture.headers(.station))
            try await Task.sleep(for: .milliseconds(500))
            try await fixture.station.revokeStaff("station")
            #expect(try await waiting.status == .unauthorized, "the poll under way answers nothing once revoked")
            let response = try await client.execute(uri: "/api/v1/sync/entries?after=0", method: .get, headers: fixture.headers(.station))
            #expect(response.status == .unauthorized)
        }
    }

    @Test func aStationPushesOnlyItsOwnEntriesAndPullsThemBackAfterItsCursorToTheMillisecond() async throws {
        let fixture = try await ServerFixture()
        let before = try fixture.station.database.lastLogPosition()
        let at = Date(timeIntervalSince1970: 1_804_000_000.123)
        let own = LogEntry(at: at, reference: "ESOCC-00012", station: "station", details: .checkOut(CheckOutDetails(day: 1)))
        let other = LogEntry(at: at, reference: "ESOCC-00012", station: "desk-9", details: .checkOut(CheckOutDetails(day: 1)))
        try await fixture.application(configuration: Self.hub).test(.router) { client in
            let refused = try await client.execute(
                uri: "/api/v1/sync/entries", method: .post, headers: fixture.headers(.station, json: true), body: try Self.push([other]))
            #expect(refused.status == .forbidden)
            for _ in 0..<2 {
                let pushed = try await client.execute(
                    uri: "/api/v1/sync/entries", method: .post, headers: fixture.headers(.station, json: true), body: try Self.push([own]))
                #expect(pushed.status == .ok)
            }
            let pulled = try await client.execute(
                uri: "/api/v1/sync/entries?after=\(before)", method: .get, headers: fixture.headers(.station))
            let batch = try SyncJSON.decoder().decode(SyncBatch.self, from: Data(pulled.body.readableBytesView))
            #expect(batch.entries.map(\.entry) == [own], "pushed twice, merged once, its time kept to the millisecond")
            #expect(batch.last > before)
        }
    }

    @Test func aWalkInPushedByAStationReachesTheHubWithoutMovingTheRosterRevisionStationsCompare() async throws {
        let fixture = try await ServerFixture()
        let delegate = Delegate(reference: "WALKIN-0100", givenName: "Ana", familyName: "Horvat", category: "DEL")
        let walkIn = LogEntry(reference: delegate.reference, station: "station", details: .walkIn(WalkInDetails(delegate: delegate)))
        try await fixture.application(configuration: Self.hub).test(.router) { client in
            func revision() async throws -> Int64 {
                let pulled = try await client.execute(uri: "/api/v1/sync/entries?after=0&limit=1", method: .get, headers: fixture.headers(.station))
                return try SyncJSON.decoder().decode(SyncBatch.self, from: Data(pulled.body.readableBytesView)).rosterRevision
            }
            let before = try await revision()
            let pushed = try await client.execute(
                uri: "/api/v1/sync/entries", method: .post, headers: fixture.headers(.station, json: true), body: try Self.push([walkIn]))
            #expect(pushed.status == .ok)
            #expect(try fixture.station.database.delegate(delegate.reference).familyName == "Horvat", "the hub registered the walk-in")
            #expect(try await revision() == before, "the other stations take the walk-in from the log, not the whole roster again")
            _ = try fixture.station.database.apply(
                delegates: [Delegate(reference: "ESOCC-09999", givenName: "Late", familyName: "Registration", category: "DEL")])
            #expect(try await revision() > before, "a registration imported at the hub moves it")
        }
    }

    @Test func theHubCountsHowFarBehindEachStationIsFromWhatItPulled() async throws {
        let fixture = try await ServerFixture()
        _ = try BusyStore.arrivals(3, at: fixture.station)
        let last = try fixture.station.database.lastLogPosition()
        try await fixture.application(configuration: Self.hub).test(.router) { client in
            let first = try await client.execute(uri: "/api/v1/sync/entries?after=0&limit=1", method: .get, headers: fixture.headers(.station))
            let pulled = try SyncJSON.decoder().decode(SyncBatch.self, from: Data(first.body.readableBytesView)).last
            #expect(pulled > 0 && pulled < last)
            #expect(try await fixture.station.syncPeers().first { $0.station == "station" }?.behind == last - pulled)
            _ = try await client.execute(uri: "/api/v1/sync/entries?after=\(last)", method: .get, headers: fixture.headers(.station))
            #expect(try await fixture.station.syncPeers().first { $0.station == "station" }?.behind == 0)
        }
    }

    static func push(_ entries: [LogEntry]) throws -> ByteBuffer {
        struct Push: Encodable { let entries: [LogEntry] }
        return ByteBuffer(bytes: try SyncJSON.encoder().encode(Push(entries: entries)))
    }
}
