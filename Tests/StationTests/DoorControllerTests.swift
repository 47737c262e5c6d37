import Badges
import DoorRules
import Foundation
import LanyardTestSupport
import Roster
import RosterStore
import Station
import Testing

@Suite struct DoorControllerTests {
    @Test func aScanIsLoggedDurablyWithItsVerdictAndCountsTowardsOccupancy() async throws {
        let fixture = try await StationFixture()
        // ESOCC-00007 is registered for A1 (Gun crime, day 1, 14:00).
        let code = try await fixture.arrive("ESOCC-00007")
        let door = try await fixture.station.door(session: "A1")
        let scan = try await door.scan(code, at: fixture.time("2027-03-09T13:45"))
        #expect(scan.decision.verdict == .admit)
        #expect(scan.decision.name == "Wolfgang Pichler")
        #expect(scan.occupancy == 1)
        await door.flush()
        #expect(try await door.occupancy() == 1)
        let reopened = try RosterDatabase.open(in: fixture.folder)
        let entry = try #require(try reopened.logEntries(kind: .scan).last)
        #expect(entry.details.scan?.verdict == .admit)
        #expect(entry.details.scan?.door == "A1")
        #expect(entry.station == "desk-1")
    }

    @Test func theSameBadgeCannotGoInTwiceWithoutGoingOut() async throws {
        let fixture = try await StationFixture()
        let code = try await fixture.arrive("ESOCC-00007")
        let door = try await fixture.station.door(session: "A1")
        #expect(try await door.scan(code, at: fixture.time("2027-03-09T13:45")).decision.isAdmitted)
        #expect(try await door.scan(code, at: fixture.time("2027-03-09T13:46")).decision.reason == "already-inside")
        #expect(try await door.scan(code, direction: .out, at: fixture.time("2027-03-09T14:30")).decision.reason == "exit")
        #expect(try await door.occupancy() == 0)
        #expect(try await door.scan(code, at: fixture.time("2027-03-09T14:35")).decision.isAdmitted)
    }

    @Test func twoLanesReadingTheSameBadgeAtOnceAdmitItOnce() async throws {
        let fixture = try await StationFixture()
        let code = try await fixture.arrive("ESOCC-00007")
        let door = try await fixture.station.door(session: "A1")
        let at = fixture.time("2027-03-09T13:45")
        let verdicts = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<4 { group.addTask { try await door.scan(code, at: at).decision.isAdmitted } }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(verdicts.filter { $0 }.count == 1)
        #expect(try await door.occupancy() == 1)
    }

    @Test func twoDoorsOfOneRoomShareItsCountAndCatchABadgePassedBack() async throws {
        let fixture = try await StationFixture { configuration in
            configuration.doors = [Door(name: "A1 front", place: .session("A1")), Door(name: "A1 back", place: .session("A1"))]
        }
        let code = try await fixture.arrive("ESOCC-00007")
        let front = try await fixture.station.door(named: "A1 front")
        let back = try await fixture.station.door(named: "A1 back")
        #expect(try await front.scan(code, at: fixture.time("2027-03-09T13:45")).decision.isAdmitted)
        await front.flush()
        #expect(try await back.scan(code, at: fixture.time("2027-03-09T13:46")).decision.reason == "already-inside")
        #expect(try await back.occupancy() == 1)
    }

    @Test func twoDoorsOfOneRoomReadingTheSameBadgeAtOnceAdmitItOnce() async throws {
        let fixture = try await StationFixture { configuration in
            configuration.doors = [Door(name: "A1 front", place: .session("A1")), Door(name: "A1 back", place: .session("A1"))]
        }
        let code = try await fixture.arrive("ESOCC-00007")
        let doors = [try await fixture.station.door(named: "A1 front"), try await fixture.station.door(named: "A1 back")]
        let at = fixture.time("2027-03-09T13:45")
        let verdicts = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<6 { group.addTask { try await doors[index % 2].scan(code, at: at).decision.isAdmitted } }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(verdicts.filter { $0 }.count == 1)
        #expect(try await doors[1].occupancy() == 1)
    }

    @Test func aLostBadgeStopsWorkingOnceReprinted() async throws {
        let fixture = try await StationFixture()
        let lost = try await fixture.arrive("ESOCC-00007")
        let reprint = try fixture.code(for: "ESOCC-00007")
        let door = try await fixture.station.door(session: "P1")
        #expect(try await door.scan(lost, at: fixture.time("2027-03-09T09:15")).decision.reason == "superseded")
        #expect(try await door.scan(reprint, at: fixture.time("2027-03-09T09:15")).decision.isAdmitted)
    }

    @Test func aRevokedBadgeIsDeniedWithTheReasonItWasRevokedFor() async throws {
        let fixture = try await StationFixture()
        let code = try await fixture.arrive("ESOCC-00007")
        _ = try await fixture.station.revokeBadge("ESOCC-00007", reason: "reported stolen")
        let scan = try await fixture.station.door(session: "P1").scan(code, at: fixture.time("2027-03-09T09:15"))
        #expect(scan.decision.verdict == .deny)
        #expect(scan.decision.reason == "revoked")
        #expect(scan.decision.sentence.contains("reported stolen"))
    }

    @Test func aForgedCodeIsDeniedAndLoggedWithoutNamingAnyone() async throws {
        let fixture = try await StationFixture()
        let code = try await fixture.arrive("ESOCC-00007")
        let token = try BadgeToken(parsing: code)
        var claims = token.claims
        claims.reference = "ESOCC-00012"
        let forged = BadgeToken(claims: claims, signature: token.signature).text
        let door = try await fixture.station.door(session: "P1")
        let scan = try await door.scan(forged, at: fixture.time("2027-03-09T09:15"))
        #expect(scan.decision.reason == "bad-signature")
        #expect(scan.decision.name == nil)
        await door.flush()
        let entry = try #require(try fixture.database.logEntries(kind: .scan).last)
        #expect(entry.reference == nil)
        #expect(entry.details.scan?.claimedReference == "ESOCC-00012")
    }

    @Test func aDryRunAnswersButRecordsNothing() async throws {
        let fixture = try await StationFixture()
        let code = try await fixture.arrive("ESOCC-00007")
        let door = try await fixture.station.door(session: "P1")
        let scan = try await door.scan(code, at: fixture.time("2027-03-09T09:15"), dryRun: true)
        #expect(scan.decision.isAdmitted && !scan.recorded)
        await door.flush()
        #expect(try fixture.database.logEntries(kind: .scan).isEmpty)
    }

    @Test func aDoorForASessionTheProgrammeLacksIsRefused() async throws {
        let fixture = try await StationFixture()
        await #expect(throws: LanyardError.self) { try await fixture.station.door(session: "Z9") }
        await #expect(throws: LanyardError.self) { try await fixture.station.door(named: "Nowhere") }
    }

    @Test func theDoorAndVerifyUseTheSameConfiguredRules() async throws {
        // The configured door of A1 opens 10 minutes before the session, not the default 30.
        let fixture = try await StationFixture { configuration in
            configuration.doors = [Door(name: "3A", place: .session("A1"), opensMinutesBefore: 10)]
        }
        let code = try await fixture.arrive("ESOCC-00007")
        let byName = try await fixture.station.door(named: "3A")
        let bySession = try await fixture.station.door(session: "A1")
        #expect(byName === bySession)
        #expect(try await bySession.scan(code, at: fixture.time("2027-03-09T13:45"), dryRun: true).decision.reason == "door-not-open")
    }
}
