import Attendance
import DoorRules
import Foundation
import LanyardTestSupport
import Roster
import Station
import Testing

/// Every time a person sees is the event's, in summer time and across the change of clocks.
@Suite struct EventTimeTests {
    @Test func inSummerTimeTheDoorsWindowAndTheArrivalsAreInLondonTime() async throws {
        // 6 July 2027: London is on BST, an hour ahead of UTC.
        let fixture = try await StationFixture(firstDay: "2027-07-06")
        let code = try await fixture.arrive("ESOCC-00007", at: "2027-07-06T08:30")
        let door = try await fixture.station.door(session: "A1")
        // A1 starts at 14:00 London time; its door opens at 13:30 London time (12:30 UTC).
        let early = try await door.scan(code, at: fixture.time("2027-07-06T13:20"), dryRun: true)
        #expect(early.decision.reason == "door-not-open")
        #expect(early.decision.sentence == "The door opens at 13:30.")
        #expect(try await door.scan(code, at: fixture.time("2027-07-06T13:35")).decision.isAdmitted)
        let report = try await fixture.station.attendance(day: 1, at: fixture.time("2027-07-06T15:00"))
        #expect(report.arrivalsByHour == [.init(key: "1 08:00", count: 1)])
    }

    @Test func acrossTheChangeOfClocksDaysAndHoursFollowLondon() async throws {
        // Clocks go back at 02:00 BST on Sunday 31 October 2027: day 2 of an event starting on the 30th.
        let fixture = try await StationFixture(firstDay: "2027-10-30")
        let event = fixture.station.event
        #expect(event.dayNumber(at: fixture.time("2027-10-31T00:30")) == 2)
        #expect(event.dayNumber(at: fixture.time("2027-10-31T23:30")) == 2)
        #expect(event.clockTime(fixture.time("2027-10-31T09:00")) == "09:00")
        _ = try await fixture.arrive("ESOCC-00007", at: "2027-10-31T09:00")
        let report = try await fixture.station.attendance(day: 2, at: fixture.time("2027-10-31T10:00"))
        #expect(report.arrivalsByHour == [.init(key: "2 09:00", count: 1)])
        #expect(report.onSiteNow == 1)
    }

    @Test(arguments: [
        ("2027-03-09T14:05", "2027-03-09T14:05:00+00:00"),
        ("2027-03-09T14:05:30", "2027-03-09T14:05:30+00:00"),
        ("2027-03-09T14:05+02:00", "2027-03-09T12:05:00+00:00"),
        ("2027-03-09T14:05:30Z", "2027-03-09T14:05:30+00:00"),
        ("2027-07-06 14:05", "2027-07-06T14:05:00+01:00"),
    ])
    func aScanTimeIsReadAsISO8601WithOrWithoutSecondsAndOffset(_ text: String, _ expected: String) throws {
        let event = try Event(name: "E", venue: "", firstDay: "2027-03-09", dayCount: 3, timeZoneIdentifier: "Europe/London")
        #expect(try event.parseTime(text) == Date(expected, strategy: .iso8601))
    }

    @Test(arguments: ["2027-02-30T10:00", "2027-13-01T10:00", "2027-03-09T24:00", "2027-03-09T10:61", "2027-03-28T01:30", "tomorrow"])
    func anImpossibleOrSkippedTimeIsRefused(_ text: String) throws {
        let event = try Event(name: "E", venue: "", firstDay: "2027-03-09", dayCount: 3, timeZoneIdentifier: "Europe/London")
        let error = #expect(throws: LanyardError.self) { try event.parseTime(text) }
        #expect(error?.code == .invalidInput)
    }

    @Test func theRollCallCSVShowsLondonTimeWithItsOffset() async throws {
        let fixture = try await StationFixture(firstDay: "2027-07-06")
        _ = try await fixture.arrive("ESOCC-00007", at: "2027-07-06T08:30")
        let csv = try await fixture.station.rollCallCSV(at: fixture.time("2027-07-06T09:00"))
        #expect(csv.contains("\"2027-07-06T08:30:00+01:00\""))
    }
}
