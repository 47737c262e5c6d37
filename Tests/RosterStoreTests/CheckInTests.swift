import Foundation
import Roster
import RosterStore
import Testing

@Suite struct CheckInTests {
    static func time(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    @Test func aCheckInIsRecordedWithWhoWhereWhenAndTheDayItCountsFor() throws {
        let database = try SampleRoster.make()
        let now = Self.time("2027-03-10T08:15:00Z")
        let receipt = try database.checkIn(reference: "esocc-00012", station: "desk-1", at: now)
        #expect(receipt.isFirstCheckIn)
        #expect(receipt.delegate.reference == "ESOCC-00012")
        let log = try database.logEntries(kind: .checkIn)
        #expect(log.count == 1)
        #expect(log.first?.station == "desk-1")
        #expect(log.first?.reference == "ESOCC-00012")
        #expect(log.first?.details.checkIn == CheckInDetails(day: 2, forced: false))
        #expect(abs((log.first?.at.timeIntervalSince(now) ?? 99)) < 0.01)
    }

    @Test func checkingInTwiceTheSameDayAnswersWhenAndWhereTheFirstHappened() throws {
        let database = try SampleRoster.make()
        let first = try database.checkIn(reference: "ESOCC-00012", station: "desk-1", at: Self.time("2027-03-09T08:00:00Z"))
        let second = try database.checkIn(reference: "ESOCC-00012", station: "desk-2", at: Self.time("2027-03-09T17:00:00Z"))
        #expect(!second.isFirstCheckIn)
        #expect(second.entry.id == first.entry.id)
        #expect(second.entry.station == "desk-1")
        #expect(try database.logEntries(kind: .checkIn).count == 1)
    }

    @Test func aReturningDelegatesFirstCheckInOfTheNextDayIsThatDaysArrival() throws {
        let database = try SampleRoster.make()
        _ = try database.checkIn(reference: "ESOCC-00012", station: "desk-1", at: Self.time("2027-03-09T08:00:00Z"))
        let dayTwo = try database.checkIn(reference: "ESOCC-00012", station: "desk-1", at: Self.time("2027-03-10T08:00:00Z"))
        #expect(dayTwo.isFirstCheckIn)
        #expect(try database.logEntries(kind: .checkIn).compactMap(\.details.checkIn?.day) == [1, 2])
    }

    @Test func aCancelledRegistrationIsRefusedWithARemedyThatSpeaksOfTheActionNotOfFlags() throws {
        let database = try SampleRoster.make()
        let error = #expect(throws: LanyardError.self) { try database.checkIn(reference: "ESOCC-00017", station: "desk-1") }
        #expect(error?.code == .registrationCancelled)
        #expect(error?.message.contains("cancelled") == true)
        #expect(error?.remedy?.contains("override") == true)
        #expect(error?.remedy?.contains("--") == false)
        #expect(try database.logEntries(kind: .checkIn).isEmpty)
    }

    @Test func anOrganiserCanForceACancelledRegistrationAndItIsRecorded() throws {
        let database = try SampleRoster.make()
        let receipt = try database.checkIn(reference: "ESOCC-00017", station: "desk-1", force: true)
        #expect(receipt.wasForced)
        #expect(try database.logEntries(kind: .checkIn).first?.details.checkIn?.forced == true)
    }

    @Test func anUnknownReferenceIsNotFound() throws {
        let error = #expect(throws: LanyardError.self) { try SampleRoster.shared.checkIn(reference: "NOPE-1", station: "d") }
        #expect(error?.code == .notFound)
    }

    @Test func anAcknowledgedCheckInSurvivesReopeningTheStore() throws {
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let database = try RosterDatabase.open(in: folder)
        try database.createEvent(Event(name: "E", venue: "V", firstDay: "2027-03-09", dayCount: 1, timeZoneIdentifier: "UTC"))
        _ = try database.apply(delegates: [Delegate(reference: "R-1", givenName: "Ana", familyName: "Ionescu", category: "DEL")])
        _ = try database.checkIn(reference: "R-1", station: "desk")
        let reopened = try RosterDatabase.open(in: folder)
        #expect(try reopened.logEntries(kind: .checkIn).map(\.reference) == ["R-1"])
    }
}
