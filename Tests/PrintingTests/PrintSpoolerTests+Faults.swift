import BadgeRendering
import Foundation
import LanyardTestSupport
import PrintQueue
import Printing
import Roster
import RosterStore
import Station
import Testing

/// The faults a real event hits: one bad job, a dead printer, CUPS down.
extension PrintSpoolerTests {
    @Test func aJobThatCannotPrintFailsWithItsReasonAndTheJobsBehindItPrint() async throws {
        let fixture = try await PrintingFixture()
        let desk1 = try FakeLabelPrinter()
        try fixture.cups.addQueue("desk1", uri: desk1.uri)
        // A name no font can print (a private-use character), and a job CUPS no longer knows.
        _ = try fixture.database.apply(delegates: [Delegate(reference: "R-GLYPH", givenName: "Ana\u{E000}", familyName: "Popa", category: "DEL")])
        let spooler = fixture.spooler(route: ["desk1"])
        _ = try spooler.request(reference: "R-GLYPH", key: "unrenderable", station: "desk-1")
        var lost = try spooler.request(reference: "ESOCC-00014", key: "lost", station: "desk-1")
        lost.state = .submitted
        lost.queue = "desk1"
        lost.cupsJobID = 987_654
        lost.code = try fixture.stations.code(for: "ESOCC-00014")
        lost.serial = 1
        lost.submittedAt = Date()
        try fixture.database.updatePrint(lost)
        _ = try spooler.request(reference: "ESOCC-00012", key: "good", station: "desk-1")

        let events = try await fixture.printUntilDone(spooler, keys: ["unrenderable", "lost", "good"])

        #expect(try fixture.database.printJob("good")?.state == .printed)
        let unrenderable = try #require(try fixture.database.printJob("unrenderable"))
        #expect(unrenderable.state == .failed)
        #expect(unrenderable.message?.contains("font") == true)
        #expect(try fixture.database.printJob("lost")?.state == .failed)
        #expect(try fixture.database.printJob("lost")?.message?.contains("no longer knows") == true)
        #expect(events.contains { if case .failed("unrenderable", _) = $0 { true } else { false } })
        // The unrenderable badge burnt no serial, however often it was tried.
        _ = try await fixture.step(spooler)
        #expect(try fixture.database.currentBadge(for: "R-GLYPH") == nil)
        #expect(try fixture.database.logEntries(kind: .badgeIssued, reference: "R-GLYPH").isEmpty)
        #expect(try fixture.database.logEntries(kind: .print, reference: "R-GLYPH").count == 1)
        #expect(await PrintingFixture.documents(of: desk1, count: 1).count == 1)
    }

    @Test func aPrinterThatCannotBeReachedIsSkippedAtOnceWithoutWaitingForTheStallTimeoutUntilItAnswersAgain() async throws {
        let fixture = try await PrintingFixture()
        let primary = try FakeLabelPrinter()
        let spare = try FakeLabelPrinter()
        try fixture.cups.addQueue("primary", uri: primary.uri)
        try fixture.cups.addQueue("spare", uri: spare.uri)
        // A stall timeout far longer than the test may take: only knowing the printer is gone moves a badge on.
        let spooler = fixture.spooler(route: ["primary", "spare"], stallTimeout: 600)
        _ = try spooler.request(reference: "ESOCC-00012", key: "before", station: "desk-1")
        _ = try await fixture.printUntilDone(spooler, key: "before")
        #expect(try fixture.database.printJob("before")?.queue == "primary")

        // Unplugged: the badge that finds it gone moves on, and so do the ones after it.
        try primary.setReachable(false)
        _ = try spooler.request(reference: "ESOCC-00014", key: "finds-it", station: "desk-1")
        _ = try await fixture.printUntilDone(spooler, key: "finds-it", timeout: 20)
        _ = try spooler.request(reference: "ESOCC-00029", key: "after", station: "desk-1")
        let events = try await fixture.printUntilDone(spooler, key: "after", timeout: 20)
        #expect(try fixture.database.printJob("finds-it")?.queue == "spare")
        #expect(try fixture.database.printJob("after")?.queue == "spare")
        #expect(!events.contains { if case .submitted(_, "primary", _) = $0 { true } else { false } })
        let states = try spooler.queueStates()
        #expect(states.first { $0.queue == "primary" }?.isUsable == false)
        #expect(states.first { $0.queue == "primary" }?.problem?.contains("cannot be reached") == true)

        // Plugged back in: a later check finds it, and badges go to it again.
        try primary.setReachable(true)
        try await Task.sleep(for: .seconds(3.5))
        _ = try spooler.request(reference: "ESOCC-00033", key: "back", station: "desk-1")
        _ = try await fixture.printUntilDone(spooler, key: "back")
        #expect(try fixture.database.printJob("back")?.queue == "primary")
        #expect(await PrintingFixture.documents(of: spare, count: 2).count == 2)
    }

    @Test func withCUPSDownTheRequestIsKeptAndPrintsOnceWhenCUPSIsBack() async throws {
        let fixture = try await PrintingFixture()
        let desk1 = try FakeLabelPrinter()
        try fixture.cups.addQueue("desk1", uri: desk1.uri)
        let spooler = fixture.spooler(route: ["desk1"])
        fixture.cups.stop()
        let view = try await fixture.stations.station.checkIn(.init(reference: "ESOCC-00012", print: true))
        let key = try #require(view.print?.key)
        let waiting = try await fixture.step(spooler)
        #expect(waiting.contains { if case .waiting(key, _) = $0 { true } else { false } })
        #expect(try fixture.database.printJob(key)?.message?.contains("CUPS") == true)
        #expect(try fixture.database.printJob(key)?.state == .queued)

        try fixture.cups.start()
        _ = try await fixture.printUntilDone(spooler, key: key)
        #expect(try fixture.database.printJob(key)?.state == .printed)
        try await Task.sleep(for: .seconds(1))
        #expect(await PrintingFixture.documents(of: desk1, count: 1).count == 1)
    }
}
