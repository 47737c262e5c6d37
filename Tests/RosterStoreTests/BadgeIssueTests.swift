import Badges
import Foundation
import Roster
import RosterStore
import Testing

@Suite struct BadgeIssueTests {
    @Test func preparingABadgeRecordsNothingSoABadgeThatIsNeverRenderedBurnsNoSerial() throws {
        let database = try SampleRoster.make()
        #expect(try database.nextBadges(for: ["ESOCC-00012"]).first?.serial == 1)
        #expect(try database.nextBadges(for: ["ESOCC-00012"]).first?.serial == 1)
        #expect(try database.currentBadge(for: "ESOCC-00012") == nil)
        #expect(try database.logEntries(kind: .badgeIssued).isEmpty)
    }

    @Test func recordingABadgeMakesItTheOneInForceAndTheNextIsAReprint() throws {
        let database = try SampleRoster.make()
        let first = try database.nextBadges(for: ["ESOCC-00012"])[0]
        try database.recordBadgeIssues([first], station: "desk-1")
        let second = try database.nextBadges(for: ["ESOCC-00012"], reason: "lost")[0]
        #expect(second.serial == 2 && second.isReprint)
        try database.recordBadgeIssues([second], station: "desk-1")
        #expect(try database.currentBadge(for: "ESOCC-00012")?.serial == 2)
        #expect(
            try database.logEntries(kind: .badgeIssued).last?.details == .badgeIssued(BadgeIssueDetails(serial: 2, isReprint: true, reason: "lost")))
    }

    @Test func aBadgeIssuedElsewhereMeanwhileIsAConflictAndNothingIsRecorded() throws {
        let database = try SampleRoster.make()
        let prepared = try database.nextBadges(for: ["ESOCC-00012", "ESOCC-00014"])
        try database.recordBadgeIssues([prepared[0]], station: "desk-2")
        let error = #expect(throws: LanyardError.self) { try database.recordBadgeIssues(prepared, station: "desk-1") }
        #expect(error?.code == .conflict)
        #expect(try database.currentBadge(for: "ESOCC-00014") == nil)
    }

    @Test func revokingKeepsTheReasonForTheDoors() throws {
        let database = try SampleRoster.make()
        try database.recordBadgeIssues(try database.nextBadges(for: ["ESOCC-00012"]), station: "desk-1")
        let (badge, entry) = try database.revokeBadge(reference: "ESOCC-00012", reason: "stolen", station: "desk-1")
        #expect(badge.revocationReason == "stolen")
        #expect(entry.details == .badgeRevoked(BadgeRevocationDetails(serial: 1, reason: "stolen")))
        #expect(try database.currentBadge(for: "ESOCC-00012")?.revocationReason == "stolen")
    }
}
