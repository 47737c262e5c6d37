import Badges
import Foundation
import LanyardTestSupport
import Roster
import RosterStore
import Station
import Testing

/// Merging other stations' entries: what crosses the wire comes out the same in every store, and stores that
/// received the same entries in different orders agree on what they derive.
@Suite struct SyncMergeTests {
    @Test func anEntrysTimeIsTheSameInEveryStoreItPassesThroughToTheMillisecond() throws {
        let stores = try (0..<3).map { _ in
            try RosterDatabase.open(at: FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-sync-\(UUID().uuidString).sqlite"))
        }
        var random = SystemRandomNumberGenerator()
        let entries = (0..<2_000).map { _ in
            LogEntry(
                at: Date(timeIntervalSince1970: 1_804_000_000 + Double.random(in: 0..<300_000, using: &random)), reference: "ESOCC-00012",
                station: "desk-2", details: .checkOut(CheckOutDetails(day: 1)))
        }
        try stores[0].append(entries)
        for hop in 1..<3 {
            let wire = try SyncJSON.encoder().encode(try stores[hop - 1].logEntries())
            try stores[hop].merge(try SyncJSON.decoder().decode([LogEntry].self, from: wire))
        }
        let times = try stores.map { try $0.logEntries().map(\.at) }
        #expect(times[0] == times[1] && times[1] == times[2])
    }

    @Test func aBadgeReprintedAtTwoDesksCutOffFromEachOtherIsRefusedUntilADeskReprintsIt() async throws {
        let fixture = try await StationFixture()
        let reference = "ESOCC-00012"
        let at = fixture.time("2027-03-09T09:00")
        try fixture.database.merge([
            LogEntry(at: at, reference: reference, station: "desk-2", details: .badgeIssued(BadgeIssueDetails(serial: 1, isReprint: false))),
            LogEntry(
                at: at.addingTimeInterval(60), reference: reference, station: "desk-2",
                details: .badgeIssued(BadgeIssueDetails(serial: 2, isReprint: true))),
            LogEntry(
                at: at.addingTimeInterval(61), reference: reference, station: "desk-3",
                details: .badgeIssued(BadgeIssueDetails(serial: 2, isReprint: true))),
        ])
        let contested = try #require(try fixture.database.currentBadge(for: reference))
        #expect(contested.serial == 2 && contested.isRevoked, "neither of the two serial-2 badges admits")
        try fixture.database.merge([
            LogEntry(
                at: at.addingTimeInterval(120), reference: reference, station: "desk-2",
                details: .badgeIssued(BadgeIssueDetails(serial: 3, isReprint: true)))
        ])
        let reprinted = try #require(try fixture.database.currentBadge(for: reference))
        #expect(reprinted.serial == 3 && !reprinted.isRevoked)
    }

    @Test func aJoinedStationNumbersItsWalkInsUnderItsOwnNameSoStationsCutOffNeverShareOne() async throws {
        let fixture = try await StationFixture()
        let walkIn = Delegate(reference: "", givenName: "Ana", familyName: "Horvat", category: "DEL")
        #expect(try fixture.database.registerWalkIn(walkIn, numbering: true, station: "desk-1", staff: nil).reference == "WALKIN-0001")
        var references: [String: [String]] = [:]
        for station in ["desk-2", "desk2", "registration-desk-1", "registration-desk-2", "Κέντρο"] {
            try fixture.database.recordJoin(station: station, hub: "http://127.0.0.1:1")
            references[station] = try (0..<2).map { _ in
                try fixture.database.registerWalkIn(walkIn, numbering: true, station: station, staff: nil).reference ?? ""
            }
        }
        #expect(references["desk-2"]?[0].hasPrefix("WALKIN-DESK2-") == true && references["desk-2"]?[1].hasSuffix("-0002") == true)
        let all = references.values.flatMap { $0 }
        #expect(Set(all).count == all.count, "no two stations share a reference: \(all.sorted())")
        #expect(all.allSatisfy { $0.utf8.count <= Delegate.maximumReferenceLength && $0 != "WALKIN-0001" })
    }

    @Test func aNameCorrectedAfterSeeingAnotherStationsCorrectionWinsEvenWhenThisStationsClockIsBehind() async throws {
        let fixture = try await StationFixture()
        let reference = "ESOCC-00012"
        let ahead = fixture.time("2027-03-09T09:10")
        try fixture.database.merge([
            LogEntry(
                at: ahead, reference: reference, station: "desk-3",
                details: .nameCorrected(
                    NameCorrectionDetails(
                        before: PersonNameFields(givenName: "A", familyName: "B"), after: PersonNameFields(givenName: "Wrong", familyName: "Name"))))
        ])
        // This desk's clock is five minutes behind desk-3's; its steward saw "Wrong Name" and put it right.
        let (delegate, entry) = try fixture.database.correctName(
            of: reference, to: PersonNameFields(givenName: "Right", familyName: "Name"), station: "desk-2", staff: nil,
            at: ahead.addingTimeInterval(-300))
        #expect(delegate.givenName == "Right")
        #expect(entry.at > ahead, "stamped after the correction it replaced")
        let elsewhere = try await StationFixture()
        try elsewhere.database.merge(try fixture.database.logEntries(kind: .nameCorrected, reference: reference).reversed())
        #expect(try elsewhere.database.delegate(reference).givenName == "Right", "the same everywhere")
    }

    @Test func storesMergingTheSameEntriesInAnyOrderAgreeOnNamesBadgesPresenceAndFlags() async throws {
        let origin = try await StationFixture()
        let reference = "ESOCC-00012"
        let at = origin.time("2027-03-09T09:00")
        let (scanIn, flag) = (UUID(), UUID())
        let entries = [
            LogEntry(
                at: at, reference: reference, station: "desk-2",
                details: .nameCorrected(
                    NameCorrectionDetails(
                        before: PersonNameFields(givenName: "A", familyName: "B"), after: PersonNameFields(givenName: "Desk", familyName: "Two")))),
            LogEntry(
                at: at.addingTimeInterval(1), reference: reference, station: "desk-3",
                details: .nameCorrected(
                    NameCorrectionDetails(
                        before: PersonNameFields(givenName: "A", familyName: "B"), after: PersonNameFields(givenName: "Desk", familyName: "Three")))),
            LogEntry(at: at, reference: reference, station: "desk-2", details: .badgeIssued(BadgeIssueDetails(serial: 1, isReprint: false))),
            LogEntry(
                at: at.addingTimeInterval(5), reference: reference, station: "desk-3",
                details: .badgeIssued(BadgeIssueDetails(serial: 2, isReprint: true))),
            LogEntry(
                at: at.addingTimeInterval(6), reference: reference, station: "desk-3",
                details: .badgeRevoked(BadgeRevocationDetails(serial: 2, reason: "stolen"))),
            LogEntry(
                id: scanIn, at: at.addingTimeInterval(60), reference: reference, station: "door-4",
                details: .scan(ScanDetails(door: "P1", direction: .in, verdict: .admit, reason: "admitted", serial: 1))),
            LogEntry(
                at: at.addingTimeInterval(30), reference: reference, station: "door-5",
                details: .scan(ScanDetails(door: "P1", direction: .out, verdict: .admit, reason: "exit", serial: 1))),
            // The newest scan is annulled by its steward: the exit before it stands.
            LogEntry(
                at: at.addingTimeInterval(70), reference: reference, station: "door-4", details: .scanAnnulled(ScanAnnulmentDetails(scan: scanIn))),
            LogEntry(at: at.addingTimeInterval(2), reference: reference, station: "desk-2", details: .flagged(FlagDetails(flag: flag, note: "Gift"))),
            LogEntry(
                at: at.addingTimeInterval(3), reference: reference, station: "desk-3",
                details: .flagAcknowledged(FlagAcknowledgementDetails(flag: flag, note: "Gift"))),
        ]
        var derived: [[String]] = []
        // All at once, then one merge per entry (as pulls bring them) in three orders.
        for (order, batched) in [(entries, true), (entries, false), (entries.reversed(), false), (entries.shuffled(), false)] {
            let fixture = try await StationFixture()
            if batched { try fixture.database.merge(order) } else { for entry in order { try fixture.database.merge([entry]) } }
            let delegate = try fixture.database.delegate(reference)
            let badge = try fixture.database.currentBadge(for: reference)
            derived.append([
                delegate.givenName + " " + delegate.familyName, "\(badge?.serial ?? 0)", badge?.revocationReason ?? "-",
                "\(try fixture.database.occupancy(of: "P1"))",
                try fixture.database.flags(of: reference).first?.acknowledgedAt == nil ? "pending" : "acknowledged",
            ])
        }
        #expect(derived[0] == ["Desk Three", "2", "stolen", "0", "acknowledged"])
        #expect(derived.allSatisfy { $0 == derived[0] })
    }
}
