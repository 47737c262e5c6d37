import BadgeRendering
import Badges
import DoorRules
import Foundation
import Roster
import RosterStore
import Station
import Testing

@Suite struct DoorStationTests {
    @Test func aScanIsLoggedDurablyWithItsVerdictAndCountsTowardsOccupancy() throws {
        let fixture = try StationFixture()
        // ESOCC-00007 is registered for A1 (Gun crime, day 1, 14:00).
        let code = try fixture.arrive("ESOCC-00007")
        let door = try DoorStation(desk: fixture.desk, door: Door(place: .session("A1")), name: "door-3A")
        let decision = try door.scan(code, at: StationFixture.time("2027-03-09T13:45"))
        #expect(decision.verdict == .admit)
        #expect(decision.name == "Wolfgang Pichler")
        #expect(try door.occupancy() == 1)
        let reopened = try RosterDatabase.open(in: fixture.folder)
        let scan = try #require(try reopened.logEntries(kind: .scan).last)
        #expect(scan.details["verdict"] == "ADMIT")
        #expect(scan.details["door"] == "A1")
        #expect(scan.station == "door-3A")
    }

    @Test func theSameBadgeCannotGoInTwiceWithoutGoingOut() throws {
        let fixture = try StationFixture()
        let code = try fixture.arrive("ESOCC-00007")
        let door = try DoorStation(desk: fixture.desk, door: Door(place: .session("A1")), name: "door-3A")
        #expect(try door.scan(code, at: StationFixture.time("2027-03-09T13:45")).isAdmitted)
        #expect(try door.scan(code, at: StationFixture.time("2027-03-09T13:46")).reason == "already-inside")
        #expect(try door.scan(code, direction: .out, at: StationFixture.time("2027-03-09T14:30")).reason == "exit")
        #expect(try door.occupancy() == 0)
        #expect(try door.scan(code, at: StationFixture.time("2027-03-09T14:35")).isAdmitted)
    }

    @Test func aLostBadgeStopsWorkingOnceReprinted() throws {
        let fixture = try StationFixture()
        let lost = try fixture.arrive("ESOCC-00007")
        let reprint = try fixture.desk.issueBadge(reference: "ESOCC-00007", station: "desk-2").1.text
        let door = try DoorStation(desk: fixture.desk, door: Door(place: .session("P1")), name: "arena")
        #expect(try door.scan(lost, at: StationFixture.time("2027-03-09T09:15")).reason == "superseded")
        #expect(try door.scan(reprint, at: StationFixture.time("2027-03-09T09:15")).isAdmitted)
    }

    @Test func aForgedCodeIsDeniedAndLoggedWithoutNamingAnyone() throws {
        let fixture = try StationFixture()
        let code = try fixture.arrive("ESOCC-00007")
        let token = try BadgeToken(parsing: code)
        var claims = token.claims
        claims.reference = "ESOCC-00012"
        let forged = BadgeToken(claims: claims, signature: token.signature).text
        let door = try DoorStation(desk: fixture.desk, door: Door(place: .session("P1")), name: "arena")
        let decision = try door.scan(forged, at: StationFixture.time("2027-03-09T09:15"))
        #expect(decision.reason == "bad-signature")
        let scan = try #require(try fixture.desk.database.logEntries(kind: .scan).last)
        #expect(scan.reference == nil)
        #expect(scan.details["claimedReference"] == "ESOCC-00012")
    }

    @Test func aDryRunAnswersButRecordsNothing() throws {
        let fixture = try StationFixture()
        let code = try fixture.arrive("ESOCC-00007")
        let door = try DoorStation(desk: fixture.desk, door: Door(place: .session("P1")), name: "arena")
        #expect(try door.scan(code, at: StationFixture.time("2027-03-09T09:15"), dryRun: true).isAdmitted)
        #expect(try fixture.desk.database.logEntries(kind: .scan).isEmpty)
    }

    @Test func aDoorForASessionTheProgrammeLacksIsRefused() throws {
        let fixture = try StationFixture()
        #expect(throws: LanyardError.self) { try DoorStation(desk: fixture.desk, door: Door(place: .session("Z9")), name: "x") }
    }
}
