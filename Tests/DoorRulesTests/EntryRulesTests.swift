import Badges
import DoorRules
import Foundation
import Roster
import Testing

/// Every branch of the door rules, on sessions shaped like the sample conference's: plenaries open to all, a
/// registered seminar, a law-enforcement-only seminar (A4), the invitation-only reception (R1), day passes.
@Suite struct EntryRulesTests {
    static let event = try! Event(
        id: UUID(uuidString: "6F1E2D3C-4B5A-4978-8695-A4B3C2D1E0F9")!, name: "ESOCC", venue: "Arena", firstDay: "2027-03-09",
        dayCount: 3, timeZoneIdentifier: "Europe/London")
    static let sessions: [String: Session] = [
        "P1": Session(code: "P1", day: 1, start: "09:30", end: "11:00", title: "Opening", room: "Arena", capacity: 1350, access: .all),
        "A1": Session(code: "A1", day: 1, start: "14:00", end: "15:30", title: "Gun crime", room: "3A", capacity: 120, access: .registered),
        "A4": Session(
            code: "A4", day: 1, start: "14:00", end: "15:30", title: "Money laundering", room: "5", capacity: 100,
            access: .registeredLawEnforcement),
        "R1": Session(code: "R1", day: 1, start: "19:00", end: "22:00", title: "Reception", room: "Hall", capacity: 400, access: .invitation),
        "B4": Session(code: "B4", day: 2, start: "11:30", end: "13:00", title: "Cities", room: "5", capacity: 100, access: .all),
        "V1": Session(code: "V1", day: 1, start: "14:00", end: "15:30", title: "VIP", room: "6", capacity: 20, access: .categories(["VIP", "SPK"])),
    ]
    static let police = Category(code: "DEL", name: "Delegate (law enforcement)", isLawEnforcement: true)
    static let press = Category(code: "PRS", name: "Press", isLawEnforcement: false)

    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var session: String? = "A1"
        var direction: Direction = .in
        var time = "2027-03-09T14:05:00+00:00"
        var badge: BadgeCheck.Reason = .valid
        var status: RegistrationStatus = .confirmed
        var registeredFor = ["A1", "A4", "R1"]
        var days = [1, 2, 3]
        var badgeDays = [1, 2, 3]
        var category = EntryRulesTests.police
        var checkedIn = true
        var requiresCheckIn = true
        var inside = false
        var occupancy = 10
        var antiPassback = Door.AntiPassback.deny
        var expected: String
    }

    static let cases: [Case] = [
        Case(testDescription: "a registered delegate enters their seminar", expected: "admitted"),
        Case(testDescription: "a forged badge is denied", badge: .badSignature, expected: "bad-signature"),
        Case(testDescription: "a reprinted-away badge is denied", badge: .superseded, expected: "superseded"),
        Case(testDescription: "a revoked badge is denied", badge: .revoked, expected: "revoked"),
        Case(testDescription: "another event's badge is denied", badge: .otherEvent, expected: "other-event"),
        Case(testDescription: "a cancelled registration is denied", status: .cancelled, expected: "registration-cancelled"),
        Case(testDescription: "a delegate who never checked in is denied", checkedIn: false, expected: "not-checked-in"),
        Case(testDescription: "check-in is not needed where the door says so", checkedIn: false, requiresCheckIn: false, expected: "admitted"),
        Case(testDescription: "a day-two pass is denied on day one", days: [2], badgeDays: [2], expected: "not-valid-today"),
        Case(testDescription: "a badge printed for other days is denied", badgeDays: [2, 3], expected: "not-valid-today"),
        Case(testDescription: "a scan before the event is denied", time: "2027-03-08T14:05:00+00:00", expected: "outside-event"),
        Case(
            testDescription: "a plenary admits every valid badge", session: "P1", time: "2027-03-09T09:10:00+00:00",
            registeredFor: [], expected: "admitted"),
        Case(testDescription: "a seminar refuses the unregistered", registeredFor: ["A4"], expected: "not-registered"),
        Case(testDescription: "the law-enforcement seminar admits registered police", session: "A4", expected: "admitted"),
        Case(
            testDescription: "the law-enforcement seminar refuses registered press", session: "A4", category: EntryRulesTests.press,
            expected: "law-enforcement-only"),
        Case(testDescription: "the reception admits the invited", session: "R1", time: "2027-03-09T19:30:00+00:00", expected: "admitted"),
        Case(
            testDescription: "the reception refuses the uninvited", session: "R1", time: "2027-03-09T19:30:00+00:00",
            registeredFor: ["A1"], expected: "not-invited"),
        Case(testDescription: "a category list admits its categories only", session: "V1", expected: "category-not-admitted"),
        Case(testDescription: "a day-two session is refused on day one", session: "B4", expected: "session-not-today"),
        Case(testDescription: "the door opens thirty minutes before the start", time: "2027-03-09T13:31:00+00:00", expected: "admitted"),
        Case(testDescription: "earlier the door is closed", time: "2027-03-09T13:20:00+00:00", expected: "door-not-open"),
        Case(testDescription: "after the end the session is over", time: "2027-03-09T15:31:00+00:00", expected: "session-ended"),
        Case(testDescription: "a full room refuses one more", occupancy: 120, expected: "room-full"),
        Case(testDescription: "a badge already inside is refused (anti-passback)", inside: true, expected: "already-inside"),
        Case(testDescription: "anti-passback in warn mode admits with a warning", inside: true, antiPassback: .warn, expected: "admitted"),
        Case(testDescription: "going out is always recorded", direction: .out, status: .cancelled, expected: "exit"),
        Case(testDescription: "going out with a forged badge is still denied", direction: .out, badge: .badSignature, expected: "bad-signature"),
    ]

    @Test(arguments: cases)
    func theDoorDecides(_ test: Case) throws {
        let delegate = Delegate(
            reference: "ESOCC-00012", givenName: "Séverine", familyName: "Müller", category: test.category.code,
            sessions: test.registeredFor, days: test.days, status: test.status)
        let claims = BadgeClaims(eventID: Self.event.id, reference: delegate.reference, serial: 1, days: test.badgeDays, issuedAt: Date())
        let request = EntryRequest(
            door: Door(
                place: test.session.map { .session($0) } ?? .area(name: "Exhibition Hall", capacity: nil),
                requiresCheckIn: test.requiresCheckIn, antiPassback: test.antiPassback),
            direction: test.direction, at: try Date(test.time, strategy: .iso8601), event: Self.event,
            badge: BadgeCheck(reason: test.badge, claims: claims), delegate: delegate, category: test.category,
            session: test.session.flatMap { Self.sessions[$0] }, isCheckedIn: test.checkedIn, isInside: test.inside,
            occupancy: test.occupancy)
        let decision = EntryRules.decide(request)
        #expect(decision.reason == test.expected)
        #expect(decision.isAdmitted == ["admitted", "exit"].contains(test.expected))
        #expect(!decision.sentence.isEmpty)
        if test.antiPassback == .warn && test.inside { #expect(decision.warning != nil) }
        if test.badge == .valid { #expect(decision.name == "Séverine Müller") }
    }
}
