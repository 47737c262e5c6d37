import Attendance
import Foundation
import Hummingbird
import HummingbirdTesting
import LanyardTestSupport
import NIOCore
import Roster
import RosterImport
import RosterStore
import Station
import Testing

@Suite struct CheckInAPITests {
    @Test func theSameNonceTwiceMakesOneCheckInAndOneBadge() async throws {
        let fixture = try await ServerFixture()
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let body = ByteBuffer.json(["reference": "ESOCC-00012", "print": true, "nonce": "6f2c1a2e-nonce"])
            let first = try await client.execute(uri: "/api/v1/checkins", method: .post, headers: fixture.headers(.desk, json: true), body: body)
            let second = try await client.execute(uri: "/api/v1/checkins", method: .post, headers: fixture.headers(.desk, json: true), body: body)
            #expect(first.status == .ok && second.status == .ok, "\(String(buffer: second.body))")
            let a = try #require(try first.json() as? [String: Any]), b = try #require(try second.json() as? [String: Any])
            #expect((a["checkIn"] as? [String: Any])?["id"] as? String == (b["checkIn"] as? [String: Any])?["id"] as? String)
            #expect((a["print"] as? [String: Any])?["key"] as? String == (b["print"] as? [String: Any])?["key"] as? String)
            #expect(a["firstCheckIn"] as? Bool == true && b["firstCheckIn"] as? Bool == true)
            #expect(try fixture.station.database.logEntries(kind: .checkIn).count == 1)
            #expect(try fixture.station.database.printJobs(for: "ESOCC-00012").count == 1)
            #expect((a["checkIn"] as? [String: Any])?["staff"] as? String == "desk")
        }
    }

    @Test(arguments: [
        ("{not json", "application/json", HTTPResponse.Status.badRequest),
        (#"{"reference": 12, "print": true, "nonce": "abcdefgh12"}"#, "application/json", .badRequest),
        (#"{"print": true, "nonce": "abcdefgh12"}"#, "application/json", .badRequest),
        (#"{"reference": "NOPE-1", "print": false, "nonce": "abcdefgh12"}"#, "application/json", .notFound),
        (#"{"reference": "ESOCC-00012", "print": false, "nonce": "short"}"#, "application/json", .unprocessableContent),
        (#"{"reference": "ESOCC-00017", "print": false, "nonce": "abcdefgh12"}"#, "application/json", .conflict),
        (#"{"reference": "ESOCC-00017", "print": false, "nonce": "abcdefgh12", "force": true}"#, "application/json", .forbidden),
    ])
    func aBadRequestGetsItsStatusAndAnErrorBodyAndChangesNothing(_ body: String, _ type: String, _ status: HTTPResponse.Status) async throws {
        let fixture = try await ServerFixture()
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/api/v1/checkins", method: .post, headers: fixture.headers(.desk, json: true), body: ByteBuffer(string: body))
            #expect(response.status == status, "\(String(buffer: response.body))")
            #expect(response.errorCode != nil, "\(String(buffer: response.body))")
            #expect(try fixture.station.database.logEntries(kind: .checkIn).isEmpty)
        }
    }

    @Test func aBodyOverTheLimitIsRefusedWith413() async throws {
        let fixture = try await ServerFixture()
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let huge = #"{"reference": "ESOCC-00012", "print": false, "nonce": ""# + String(repeating: "a", count: 70_000) + #""}"#
            let response = try await client.execute(
                uri: "/api/v1/checkins", method: .post, headers: fixture.headers(.desk, json: true), body: ByteBuffer(string: huge))
            #expect(response.status == .contentTooLarge)
            #expect(response.errorCode == "too-large")
        }
    }

    @Test func aFlaggedDelegateIsCheckedInOnlyOnceTheFlagIsAcknowledgedAndTheAcknowledgementIsLogged() async throws {
        let fixture = try await ServerFixture()
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let flagged = try await client.execute(
                uri: "/api/v1/delegates/ESOCC-00012/flags", method: .post, headers: fixture.headers(.organiser, json: true),
                body: .json(["note": "Collect the unpaid fee"]))
            #expect(flagged.status == .created)
            let flag = try #require((try flagged.json() as? [String: Any])?["id"] as? String)
            let refused = try await client.execute(
                uri: "/api/v1/checkins", method: .post, headers: fixture.headers(.desk, json: true),
                body: .json(["reference": "ESOCC-00012", "print": false, "nonce": "flag-nonce-1"]))
            #expect(refused.status == .conflict)
            #expect(refused.errorCode == "attention-required")
            #expect(String(buffer: refused.body).contains("Collect the unpaid fee"))
            let accepted = try await client.execute(
                uri: "/api/v1/checkins", method: .post, headers: fixture.headers(.desk, json: true),
                body: .json(["reference": "ESOCC-00012", "print": false, "nonce": "flag-nonce-2", "acknowledgedFlags": [flag]]))
            #expect(accepted.status == .ok, "\(String(buffer: accepted.body))")
            let acknowledged = try fixture.station.database.logEntries(kind: .flagAcknowledged)
            #expect(acknowledged.map(\.staff) == ["desk"])
        }
    }

    @Test func aCheckInCanBeUndoneAtItsStationWithinTenMinutesAndStaysInTheLog() async throws {
        let fixture = try await ServerFixture()
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/api/v1/checkins", method: .post, headers: fixture.headers(.desk, json: true),
                body: .json(["reference": "ESOCC-00012", "print": false, "nonce": "undo-nonce-1"]))
            let id = try #require(((try response.json() as? [String: Any])?["checkIn"] as? [String: Any])?["id"] as? String)
            let undo = try await client.execute(
                uri: "/api/v1/checkins/\(id)/undo", method: .post, headers: fixture.headers(.desk, json: true),
                body: .json(["reason": "wrong person"]))
            #expect(undo.status == .ok, "\(String(buffer: undo.body))")
            let again = try await client.execute(
                uri: "/api/v1/checkins/\(id)/undo", method: .post, headers: fixture.headers(.desk, json: true), body: .json([:]))
            #expect(again.status == .conflict)
            #expect(try fixture.station.database.logEntries(kind: .checkIn).count == 1)
            #expect(try await fixture.station.attendance(day: 1).arrivalsByDay.isEmpty)
            // Checked in again afterwards: a new arrival.
            let redo = try await client.execute(
                uri: "/api/v1/checkins", method: .post, headers: fixture.headers(.desk, json: true),
                body: .json(["reference": "ESOCC-00012", "print": false, "nonce": "undo-nonce-2"]))
            #expect((try redo.json() as? [String: Any])?["firstCheckIn"] as? Bool == true)
        }
        // Too late, and at another station:
        let old = try fixture.station.database.checkIn(reference: "ESOCC-00014", station: fixture.station.name, at: Date().addingTimeInterval(-700))
        await #expect(throws: LanyardError.self) { try await fixture.station.undoCheckIn(old.entry.id, reason: nil) }
        let elsewhere = try fixture.station.database.checkIn(reference: "ESOCC-00029", station: "desk-9")
        let error = await #expect(throws: LanyardError.self) { try await fixture.station.undoCheckIn(elsewhere.entry.id, reason: nil) }
        #expect(error?.code == .notPermitted)
    }

    @Test func aWalkInIsRegisteredAndANameCorrectedWithAPreviewAndBothAreLoggedWithWhoDidIt() async throws {
        let fixture = try await ServerFixture()
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let walkIn = try await client.execute(
                uri: "/api/v1/delegates", method: .post, headers: fixture.headers(.desk, json: true),
                body: .json(["givenName": "Anna", "familyName": "Walker", "organisation": "Europol", "country": "nl", "category": "DEL", "days": [1]])
            )
            #expect(walkIn.status == .created, "\(String(buffer: walkIn.body))")
            let delegate = try #require((try walkIn.json() as? [String: Any])?["delegate"] as? [String: Any])
            let reference = try #require(delegate["reference"] as? String)
            #expect(reference == "WALKIN-0001")
            #expect(try fixture.station.database.search("walker").first?.delegate.reference == reference)

            let preview = try await client.execute(
                uri: "/api/v1/delegates/\(reference)/badge-preview?givenName=Ann&familyName=Walker-Smith", method: .get,
                headers: fixture.headers(.desk))
            #expect(preview.status == .ok)
            #expect(preview.headers[.contentType] == "image/png")
            #expect(Array(preview.body.readableBytesView.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])

            let corrected = try await client.execute(
                uri: "/api/v1/delegates/\(reference)/name", method: .put, headers: fixture.headers(.desk, json: true),
                body: .json(["givenName": "Ann", "familyName": "Walker-Smith"]))
            #expect(corrected.status == .ok)
            #expect(try fixture.station.database.delegate(reference).displayName == "Ann Walker-Smith")
            let entries = try fixture.station.database.logEntries(reference: reference)
            #expect(entries.map(\.kind) == [.walkIn, .nameCorrected])
            #expect(entries.allSatisfy { $0.staff == "desk" })
        }
    }

    @Test func aNameCorrectedAtTheDeskIsKeptWhenTheRosterIsImportedAgain() async throws {
        let fixture = try await ServerFixture()
        _ = try await fixture.station.correctName(
            "ESOCC-00012", to: PersonNameFields(givenName: "Séverine", familyName: "Muller-Roth"), by: "desk")
        let export = fixture.stations.folder.url.appendingPathComponent("again.csv")
        try "reference,first_name,last_name,category,organisation\nESOCC-00012,Severine,Muller,SPK,Police cantonale vaudoise\n"
            .write(to: export, atomically: true, encoding: .utf8)
        _ = try await fixture.station.importRoster(.init(delegates: export))
        let delegate = try fixture.station.database.delegate("ESOCC-00012")
        #expect(delegate.familyName == "Muller-Roth")
        #expect(delegate.givenName == "Séverine")
    }
}
