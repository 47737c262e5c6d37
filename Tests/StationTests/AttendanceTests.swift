import DoorRules
import Foundation
import Roster
import RosterStore
import Station
import Testing

@Suite struct AttendanceTests {
    @Test func theFiguresComeFromTheLogAlone() throws {
        let fixture = try StationFixture()
        let door = try DoorStation(desk: fixture.desk, door: Door(place: .session("A1")), name: "door-3A")
        let pichler = try fixture.arrive("ESOCC-00007", at: "2027-03-09T08:30")
        let llewellyn = try fixture.arrive("ESOCC-00008", at: "2027-03-09T09:10")
        _ = try door.scan(pichler, at: StationFixture.time("2027-03-09T13:45"))
        _ = try door.scan(llewellyn, at: StationFixture.time("2027-03-09T13:50"))
        _ = try door.scan(llewellyn, direction: .out, at: StationFixture.time("2027-03-09T14:40"))
        let database = fixture.desk.database
        let report = AttendanceReport(
            event: fixture.desk.event, delegates: try database.delegates(), sessions: try database.sessions(),
            log: try database.logEntries(), day: 1, now: StationFixture.time("2027-03-09T15:00"))
        #expect(report.arrivalsByDay == [.init(key: "1", count: 2)])
        #expect(report.arrivalsByHour == [.init(key: "1 08:00", count: 1), .init(key: "1 09:00", count: 1)])
        let a1 = try #require(report.sessions.first { $0.code == "A1" })
        #expect(a1.entries == 2)
        #expect(a1.occupancy == 1)
        #expect(a1.capacity == 120)
        #expect(report.onSiteNow == 1)
        #expect(!report.noShows.contains("ESOCC-00007"))
        #expect(report.noShows.contains("ESOCC-00012"))
        let dayOneExpected = try database.delegates().filter { $0.status == .confirmed && $0.days.contains(1) }.count
        #expect(report.byCategory.reduce(0) { $0 + $1.expected } == dayOneExpected)
        #expect(report.byCountry.first { $0.key == "AT" }?.checkedIn == 1)

        let rollCall = RollCall(
            event: fixture.desk.event, delegates: try database.delegates(), log: try database.logEntries(),
            now: StationFixture.time("2027-03-09T15:00"))
        #expect(rollCall.people.map(\.reference) == ["ESOCC-00007"])
        #expect(rollCall.people.first?.lastSeenAt == "A1")
    }
}
