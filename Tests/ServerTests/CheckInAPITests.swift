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

    @Test func aNonceAlreadyUsedForSomeoneElseIsRefusedAndChecksNobodyIn() async throws {
        let fixture = try await ServerFixture()
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let first = try await client.execute(
                uri: "/api/v1/checkins", method: .post, headers: fixture.headers(.desk, json: true),
                body: .json(["reference": "ESOCC-00012", "print": false, "nonce": "reused-nonce-1"]))
            #expect(first.status == .ok)
            let reused = try await client.execute(
                uri: "/api/v1/checkins", method: .post, headers: fixture.headers(.desk, json: true),
                body: .json(["reference": "ESOCC-00014", "print": false, "nonce": "reused-nonce-1"]))
            #expect(reused.status == .conflict, "\(String(buffer: reused.body))")
            #expect(try fixture.station.database.logEntries(kind: .checkIn).compactMap(\.reference) == ["ESOCC-00012"])
        }
    }

    @Test func aWalkInSentTwiceWithTheSameNonceIsRegisteredOnce() async throws {
        let fixture = try await ServerFixture()
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let before = try fixture.station.database.delegateCount()
            let body = ByteBuffer.json(["givenName": "Ana", "familyName": "Popa", "category": "DEL", "nonce": "walk-in-nonce-1"])
            let first = try await client.execute(uri: "/api/v1/delegates", method: .post, headers: fixture.headers(.desk, json: true), body: body)
            let second = try await client.execute(uri: "/api/v1/delegates", method: .post, headers: fixture.headers(.desk, json: true), body: body)
            let references = try [first, second].map { ((try $0.json() as? [String: Any])?["delegate"] as? [String: Any])?["reference"] as? String }
            #expect(references == ["WALKIN-0001", "WALKIN-0001"])
            #expect(try fixture.station.database.delegateCount() == before + 1)
            #expect(try fixture.station.database.logEntries(kind: .walkIn).count == 1)
        }
    }

    @Test func walkInsRegisteredAtOnceAtSeveralDesksEachGetTheirOwnReference() async throws {
        let fixture = try await ServerFixture()
        let references = try await withThrowingTaskGroup(of: String.self) { group in
            for number in 0..<8 {
                group.addTask {
                    try await fixture.station.registerWalkIn(.init(givenName: "Guest", familyName: "Number \(number)", category: "DEL"))
                        .delegate.delegate.reference
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(references) == Set((1...8).map { String(format: "WALKIN-%04d", $0) }))
    }

    @Test func aGroupIsCheckedInWithABadgeQueuedForEachAndItsNonceChecksItInOnce() async throws {
        let fixture = try await ServerFixture()
        let organisation = try fixture.station.database.delegate("ESOCC-00012").organisation
        let members = try fixture.station.database.delegates().filter { $0.organisation == organisation && $0.status == .confirmed }
        #expect(members.count > 1, "The sample conference has several delegates of \(organisation).")
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let body = ByteBuffer.json(["organisation": organisation, "print": true, "nonce": "group-nonce-1"])
            for _ in 0..<2 {
                let response = try await client.execute(
                    uri: "/api/v1/checkins/group", method: .post, headers: fixture.headers(.desk, json: true), body: body)
                #expect(response.status == .ok, "\(String(buffer: response.body))")
                let answer = try #require(try response.json() as? [String: Any])
                #expect((answer["checkIns"] as? [Any])?.count == members.count)
            }
        }
        #expect(try Set(fixture.station.database.logEntries(kind: .checkIn).compactMap(\.reference)) == Set(members.map(\.reference)))
        #expect(try fixture.station.database.logEntries(kind: .checkIn).count == members.count)
        #expect(try fixture.station.database.unfinishedPrintJobs().count == members.count)
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

    @Test(arguments: [
        ("/api/v1/delegates?q=muller&limit=abc", "GET", nil),
        ("/api/v1/delegates?q=muller&limit=0", "GET", nil),
        ("/api/v1/delegates", "POST", #"{"givenName":"Ana","familyName":"\#(String(repeating: "x", count: 201))","category":"DEL"}"#),
        ("/api/v1/delegates/ESOCC-00012/reprint", "POST", #"{"reason":"\#(String(repeating: "x", count: 201))","nonce":"long-reason-1"}"#),
    ])
    func aValueOutOfItsRangeIsRefusedWith422AndChangesNothing(_ path: String, _ method: String, _ body: String?) async throws {
        let fixture = try await ServerFixture()
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let before = try fixture.station.database.delegateCount()
            let response = try await client.execute(
                uri: path, method: HTTPRequest.Method(method)!, headers: fixture.headers(.desk, json: body != nil),
                body: body.map { ByteBuffer(string: $0) })
            #expect(response.status == .unprocessableContent, "\(String(buffer: response.body))")
            #expect(try fixture.station.database.delegateCount() == before)
            #expect(try fixture.station.database.unfinishedPrintJobs().isEmpty)
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
