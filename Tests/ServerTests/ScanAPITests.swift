import DoorRules
import Foundation
import Hummingbird
import HummingbirdTesting
import LanyardTestSupport
import NIOCore
import Roster
import RosterStore
import Station
import Testing

/// Scans through the API: a door page, a turnstile or a handheld uploading later; idempotent by nonce; annulled by
/// their steward within two minutes; answering only what the steward sees.
@Suite struct ScanAPITests {
    static func venue() async throws -> ServerFixture {
        try await ServerFixture { $0.doors = [Door(name: "Main entrance", place: .area(name: "Venue", capacity: 2))] }
    }

    static func scan(_ code: String, nonce: String, at: String? = nil, direction: String = "in") -> ByteBuffer {
        var body = ["door": "Main entrance", "code": code, "direction": direction, "nonce": nonce]
        body["at"] = at
        return .json(body)
    }

    @Test func theSameNonceTwiceRecordsOneScanAndAnswersTheSameVerdict() async throws {
        let fixture = try await Self.venue()
        let code = try BusyStore.arrivals(1, at: fixture.station)[0]
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let body = Self.scan(code, nonce: "turnstile-upload-1")
            let first = try await client.execute(uri: "/api/v1/scans", method: .post, headers: fixture.headers(.door, json: true), body: body)
            let second = try await client.execute(uri: "/api/v1/scans", method: .post, headers: fixture.headers(.door, json: true), body: body)
            let a = try #require(try first.json() as? [String: Any]), b = try #require(try second.json() as? [String: Any])
            #expect((a["decision"] as? [String: Any])?["verdict"] as? String == "ADMIT")
            #expect((b["decision"] as? [String: Any])?["verdict"] as? String == "ADMIT", "a retry is not an attempt to pass back")
            #expect(a["id"] as? String == b["id"] as? String)
            await fixture.station.flushDoors()
            #expect(try fixture.station.database.logEntries(kind: .scan).count == 1)
            #expect(try fixture.station.database.occupancy(of: "Venue") == 1)
        }
    }

    @Test func aScanUploadedLaterKeepsItsOwnTimeAndOneFromTheFutureIsRefused() async throws {
        let fixture = try await Self.venue()
        let code = try BusyStore.arrivals(1, at: fixture.station)[0]
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let earlier = Date().addingTimeInterval(-600)
            let formatter = ISO8601DateFormatter()
            let uploaded = try await client.execute(
                uri: "/api/v1/scans", method: .post, headers: fixture.headers(.door, json: true),
                body: Self.scan(code, nonce: "handheld-1", at: formatter.string(from: earlier)))
            #expect(uploaded.status == .ok, "\(String(buffer: uploaded.body))")
            let future = try await client.execute(
                uri: "/api/v1/scans", method: .post, headers: fixture.headers(.door, json: true),
                body: Self.scan(code, nonce: "handheld-2", at: formatter.string(from: Date().addingTimeInterval(3_600))))
            #expect(future.status == .unprocessableContent)
            await fixture.station.flushDoors()
            let scans = try fixture.station.database.logEntries(kind: .scan)
            #expect(scans.count == 1)
            #expect(abs(try #require(scans.first).at.timeIntervalSince(earlier)) < 1)
        }
    }

    @Test func theVerdictADoorGetsCarriesOnlyWhatTheStewardSees() async throws {
        let fixture = try await Self.venue()
        let code = try BusyStore.arrivals(1, at: fixture.station)[0]
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/api/v1/scans", method: .post, headers: fixture.headers(.door, json: true), body: Self.scan(code, nonce: "steward-1"))
            let answer = try #require(try response.json() as? [String: Any])
            #expect(Set(answer.keys) == ["id", "at", "door", "place", "direction", "decision", "occupancy", "capacity", "recorded"])
            let decision = try #require(answer["decision"] as? [String: Any])
            #expect(Set(decision.keys) == ["verdict", "reason", "sentence", "name", "category"])
        }
    }

    @Test func aStewardAnnulsTheirOwnLastScanAndItNoLongerCounts() async throws {
        let fixture = try await Self.venue()
        let code = try BusyStore.arrivals(1, at: fixture.station)[0]
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let scanned = try await client.execute(
                uri: "/api/v1/scans", method: .post, headers: fixture.headers(.door, json: true), body: Self.scan(code, nonce: "mistake-1"))
            let id = try #require((try scanned.json() as? [String: Any])?["id"] as? String)
            let path = "/api/v1/scans/\(id)/annul"
            let byAnother = try await client.execute(uri: path, method: .post, headers: fixture.headers(.organiser, json: true), body: .json([:]))
            #expect(byAnother.status == .forbidden, "only the steward who scanned annuls")
            let annulled = try await client.execute(
                uri: path, method: .post, headers: fixture.headers(.door, json: true), body: .json(["reason": "scanned the wrong badge"]))
            #expect(annulled.status == .ok, "\(String(buffer: annulled.body))")
            let again = try await client.execute(uri: path, method: .post, headers: fixture.headers(.door, json: true), body: .json([:]))
            #expect(again.status == .conflict)
            #expect(try fixture.station.database.occupancy(of: "Venue") == 0)
            let rescanned = try await client.execute(
                uri: "/api/v1/scans", method: .post, headers: fixture.headers(.door, json: true), body: Self.scan(code, nonce: "mistake-2"))
            #expect(((try rescanned.json() as? [String: Any])?["decision"] as? [String: Any])?["verdict"] as? String == "ADMIT")
            #expect(try fixture.station.database.logEntries(kind: .scanAnnulled).map(\.staff) == ["door"])
        }
    }

    @Test func aScanOlderThanTwoMinutesCanNoLongerBeAnnulled() async throws {
        let fixture = try await Self.venue()
        let code = try BusyStore.arrivals(1, at: fixture.station)[0]
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let old = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-180))
            let scanned = try await client.execute(
                uri: "/api/v1/scans", method: .post, headers: fixture.headers(.door, json: true), body: Self.scan(code, nonce: "late-scan-1", at: old)
            )
            let id = try #require((try scanned.json() as? [String: Any])?["id"] as? String, "\(String(buffer: scanned.body))")
            let annulled = try await client.execute(
                uri: "/api/v1/scans/\(id)/annul", method: .post, headers: fixture.headers(.door, json: true), body: .json([:]))
            #expect(annulled.status == .conflict)
            #expect(annulled.errorCode == "too-late")
            #expect(try fixture.station.database.occupancy(of: "Venue") == 1)
        }
    }

    @Test(arguments: [
        (#"{"door":"Main entrance","code":"","nonce":"bad-body-1"}"#, HTTPResponse.Status.unprocessableContent),
        (#"{"door":"Nowhere","code":"LYB1:x","nonce":"bad-body-2"}"#, .notFound),
        (#"{"door":"Main entrance","code":"LYB1:x","nonce":"short"}"#, .unprocessableContent),
        (#"{"door":"Main entrance","code":"LYB1:x","direction":"sideways","nonce":"bad-body-3"}"#, .badRequest),
    ])
    func aBadScanIsRefusedWithItsReason(_ body: String, _ status: HTTPResponse.Status) async throws {
        let fixture = try await Self.venue()
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/api/v1/scans", method: .post, headers: fixture.headers(.door, json: true), body: ByteBuffer(string: body))
            #expect(response.status == status, "\(String(buffer: response.body))")
            #expect(try fixture.station.database.logEntries(kind: .scan).isEmpty)
        }
    }
}
