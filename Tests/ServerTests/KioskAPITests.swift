import Foundation
import Hummingbird
import HummingbirdTesting
import LanyardTestSupport
import NIOCore
import Roster
import RosterStore
import Station
import Testing

/// A kiosk shows a delegate only their own card, checks them in and prints, or sends them to a desk.
@Suite struct KioskAPITests {
    @Test func aDelegateIdentifiedByReferenceAndFamilyNameSeesOnlyTheirOwnCardAndNoBadgeCode() async throws {
        let fixture = try await ServerFixture()
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let card = try await client.execute(
                uri: "/api/v1/kiosk/lookup", method: .post, headers: fixture.headers(.kiosk, json: true),
                body: .json(["reference": "esocc-00012", "familyName": "MULLER"]))
            #expect(card.status == .ok, "\(String(buffer: card.body))")
            let json = try #require(try card.json() as? [String: Any])
            #expect(Set(json.keys) == ["reference", "name", "organisation", "category", "canCheckIn"])
            #expect(json["name"] as? String == "Séverine Müller")
            let wrong = try await client.execute(
                uri: "/api/v1/kiosk/lookup", method: .post, headers: fixture.headers(.kiosk, json: true),
                body: .json(["reference": "ESOCC-00012", "familyName": "Smith"]))
            let unknown = try await client.execute(
                uri: "/api/v1/kiosk/lookup", method: .post, headers: fixture.headers(.kiosk, json: true),
                body: .json(["reference": "ESOCC-99999", "familyName": "Smith"]))
            #expect(wrong.status == .notFound && unknown.status == .notFound)
            #expect(String(buffer: wrong.body) == String(buffer: unknown.body))
            // The kiosk cannot search the roster.
            #expect(try await client.execute(uri: "/api/v1/delegates?q=a", method: .get, headers: fixture.headers(.kiosk)).status == .forbidden)
        }
    }

    @Test func aBookingReferenceAloneOrAForgedConfirmationCodeProvesNothing() async throws {
        let fixture = try await ServerFixture()
        let app = try await fixture.application()
        let genuine = try fixture.station.desk.confirmationCode(for: "ESOCC-00012")
        var altered = Array(genuine)
        altered[altered.count - 5] = altered[altered.count - 5] == "0" ? "1" : "0"
        let forged = String(altered)
        try await app.test(.router) { client in
            for code in ["ESOCC-00012", forged] {
                let response = try await client.execute(
                    uri: "/api/v1/kiosk/lookup", method: .post, headers: fixture.headers(.kiosk, json: true), body: .json(["code": code]))
                #expect(response.status == .notFound, "\(code)")
            }
            let response = try await client.execute(
                uri: "/api/v1/kiosk/lookup", method: .post, headers: fixture.headers(.kiosk, json: true), body: .json(["code": genuine]))
            #expect(response.status == .ok)
        }
    }

    @Test func theDeskOpensTheDelegateAScannedConfirmationOrBadgeCodeNames() async throws {
        let fixture = try await ServerFixture()
        let badge = try fixture.stations.code(for: "ESOCC-00014")
        let confirmation = try fixture.station.desk.confirmationCode(for: "ESOCC-00029")
        #expect(try await fixture.station.search(badge).map(\.delegate.delegate.reference) == ["ESOCC-00014"])
        #expect(try await fixture.station.search(confirmation).map(\.delegate.delegate.reference) == ["ESOCC-00029"])
    }

    @Test func aKioskChecksInAndPrintsOnceAndSendsAnyoneUnusualToADesk() async throws {
        let fixture = try await ServerFixture()
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let code = try fixture.station.desk.confirmationCode(for: "ESOCC-00012")
            let body = ByteBuffer.json(["code": code, "nonce": "kiosk-nonce-1"])
            let first = try await client.execute(
                uri: "/api/v1/kiosk/checkin", method: .post, headers: fixture.headers(.kiosk, json: true), body: body)
            #expect(first.status == .ok, "\(String(buffer: first.body))")
            let json = try #require(try first.json() as? [String: Any])
            #expect(Set(json.keys).isSubset(of: ["key", "state", "message"]))
            let retried = try await client.execute(
                uri: "/api/v1/kiosk/checkin", method: .post, headers: fixture.headers(.kiosk, json: true), body: body)
            #expect(retried.status == .ok)
            #expect(try fixture.station.database.printJobs(for: "ESOCC-00012").count == 1)

            // A cancelled registration is sent to a desk, with its reference.
            let cancelled = try await client.execute(
                uri: "/api/v1/kiosk/checkin", method: .post, headers: fixture.headers(.kiosk, json: true),
                body: .json(["code": try fixture.station.desk.confirmationCode(for: "ESOCC-00017"), "nonce": "kiosk-nonce-2"]))
            #expect(cancelled.status == .forbidden)
            #expect(cancelled.errorCode == "see-a-desk")
            #expect(String(buffer: cancelled.body).contains("ESOCC-00017"))
            #expect(try fixture.station.database.logEntries(kind: .checkIn, reference: "ESOCC-00017").isEmpty)
        }
    }
}
