import Attendance
import Foundation
import Roster
import Testing

/// Who is on site and where, from the log alone: what the roll-call and the dashboard count.
@Suite struct PresenceTests {
    static let event = try! Event(
        name: "ESOCC", venue: "Arena", firstDay: "2027-03-09", dayCount: 3, timeZoneIdentifier: "Europe/London")
    static let delegates = [
        Delegate(reference: "R-1", givenName: "Ana", familyName: "Popa", organisation: "Poliția Română", category: "DEL", days: [1, 2, 3]),
        Delegate(reference: "R-2", givenName: "Jan", familyName: "Novak", organisation: "Policie ČR", category: "DEL", days: [1, 2, 3]),
    ]

    static func at(_ text: String) -> Date { try! event.parseTime(text) }

    static func checkIn(_ reference: String, _ time: String, day: Int = 1) -> LogEntry {
        LogEntry(at: at(time), reference: reference, station: "desk-1", details: .checkIn(CheckInDetails(day: day)))
    }

    static func scan(_ reference: String, _ door: String, _ direction: Direction, _ time: String, siteExit: Bool = false) -> LogEntry {
        LogEntry(
            at: at(time), reference: reference, station: "door",
            details: .scan(ScanDetails(door: door, direction: direction, verdict: .admit, reason: "admitted", isSiteExit: siteExit)))
    }

    static func rollCall(_ log: [LogEntry], at time: String) -> RollCall {
        RollCall(event: event, delegates: delegates, log: log, now: at(time))
    }

    @Test func aScanAnnulledByItsStewardCountsForNothing() {
        let mistaken = Self.scan("R-2", "A4", .in, "2027-03-09T14:01")
        let denied = LogEntry(
            at: Self.at("2027-03-09T14:02"), reference: "R-1", station: "door",
            details: .scan(ScanDetails(door: "A4", direction: .in, verdict: .deny, reason: "already-inside")))
        let log = [
            Self.checkIn("R-1", "2027-03-09T08:30"),
            Self.scan("R-1", "A4", .in, "2027-03-09T14:00"),
            mistaken, denied,
            LogEntry(
                at: Self.at("2027-03-09T14:02"), reference: "R-2", station: "door", details: .scanAnnulled(ScanAnnulmentDetails(scan: mistaken.id))),
            LogEntry(
                at: Self.at("2027-03-09T14:03"), reference: "R-1", station: "door", details: .scanAnnulled(ScanAnnulmentDetails(scan: denied.id))),
        ]
        let report = AttendanceReport(
            event: Self.event, delegates: Self.delegates, sessions: [], log: log, day: 1, now: Self.at("2027-03-09T14:05"))
        #expect(report.onSiteNow == 1, "R-2 never arrived: their only scan was annulled")
        #expect(report.deniedByReason.isEmpty)
        #expect(Self.rollCall(log, at: "2027-03-09T14:05").people.map(\.reference) == ["R-1"])
    }

    @Test func leavingASessionRoomIsNotLeavingTheSite() {
        let log = [
            Self.checkIn("R-1", "2027-03-09T08:30"),
            Self.scan("R-1", "A4", .in, "2027-03-09T14:00"),
            Self.scan("R-1", "A4", .out, "2027-03-09T15:30"),
        ]
        let people = Self.rollCall(log, at: "2027-03-09T16:00").people
        #expect(people.map(\.reference) == ["R-1"])
        #expect(people.first?.lastSeenAt == "left A4")
    }

    @Test func goingOutThroughASiteExitOrCheckingOutLeavesTheRollCall() {
        let log = [
            Self.checkIn("R-1", "2027-03-09T08:30"),
            Self.checkIn("R-2", "2027-03-09T08:40"),
            Self.scan("R-1", "Venue", .out, "2027-03-09T17:00", siteExit: true),
            LogEntry(at: Self.at("2027-03-09T17:05"), reference: "R-2", station: "desk-1", details: .checkOut(CheckOutDetails(day: 1))),
        ]
        #expect(Self.rollCall(log, at: "2027-03-09T18:00").people.isEmpty)
        let back = log + [Self.scan("R-1", "Venue", .in, "2027-03-09T19:00", siteExit: true)]
        #expect(Self.rollCall(back, at: "2027-03-09T19:30").people.map(\.reference) == ["R-1"])
    }

    @Test func aDelegateReturningOnDayTwoIsOnTheRollCallAndArrivesThatDay() {
        let log = [
            Self.checkIn("R-1", "2027-03-09T08:30", day: 1),
            Self.checkIn("R-2", "2027-03-09T08:40", day: 1),
            Self.checkIn("R-1", "2027-03-10T08:50", day: 2),
        ]
        #expect(Self.rollCall(log, at: "2027-03-10T10:00").people.map(\.reference) == ["R-1"])
        let report = AttendanceReport(
            event: Self.event, delegates: Self.delegates, sessions: [], log: log, day: nil, now: Self.at("2027-03-10T10:00"))
        #expect(report.arrivalsByDay == [.init(key: "1", count: 2), .init(key: "2", count: 1)])
        #expect(report.onSiteNow == 1)
        let dayTwo = AttendanceReport(event: Self.event, delegates: Self.delegates, sessions: [], log: log, day: 2, now: Self.at("2027-03-10T10:00"))
        #expect(dayTwo.noShows == ["R-2"])
    }

    @Test func aReturningDelegateScannedInAtADoorIsOnSiteWithoutPassingTheDesk() {
        let log = [Self.checkIn("R-1", "2027-03-09T08:30"), Self.scan("R-1", "P3", .in, "2027-03-10T09:20")]
        #expect(Self.rollCall(log, at: "2027-03-10T10:00").people.map(\.lastSeenAt) == ["P3"])
    }

    @Test func scansUploadedLateAreReplayedInTheOrderTheyHappened() {
        // A handheld uploads its 14:00 entry after the door's 15:30 exit reached the store.
        let log = [
            Self.checkIn("R-1", "2027-03-09T08:30"),
            Self.scan("R-1", "A4", .out, "2027-03-09T15:30"),
            Self.scan("R-1", "A4", .in, "2027-03-09T14:00"),
        ]
        let sessions = [Session(code: "A4", day: 1, start: "14:00", end: "15:30", title: "S", room: "3A", capacity: 10, access: .all)]
        let report = AttendanceReport(
            event: Self.event, delegates: Self.delegates, sessions: sessions, log: log, day: 1, now: Self.at("2027-03-09T16:00"))
        #expect(report.sessions.first?.occupancy == 0)
        #expect(report.sessions.first?.entries == 1)
    }

    @Test func theRollCallIsSortedByOrganisation() {
        let log = [Self.checkIn("R-1", "2027-03-09T08:30"), Self.checkIn("R-2", "2027-03-09T08:40")]
        #expect(Self.rollCall(log, at: "2027-03-09T10:00").people.map(\.organisation) == ["Policie ČR", "Poliția Română"])
    }
}
