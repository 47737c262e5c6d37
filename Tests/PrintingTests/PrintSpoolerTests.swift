import BadgeRendering
import Badges
import Foundation
import LanyardTestSupport
import PrintQueue
import Printing
import Roster
import RosterStore
import Station
import Synchronization
import Testing

/// Printing for real: a private cupsd, raw and profiled queues, and stand-in label printers on loopback.
/// Serialized: each test runs its own cupsd and stand-in printers, and one at a time keeps their timings steady.
@Suite(.serialized) struct PrintSpoolerTests {
    @Test func aCheckedInDelegatesBadgeReachesThePrinterAndReadsBack() async throws {
        let fixture = try await PrintingFixture()
        let desk1 = try FakeLabelPrinter()
        try fixture.cups.addQueue("desk1", uri: desk1.uri)
        let spooler = fixture.spooler(route: ["desk1"])
        let view = try await fixture.stations.station.checkIn(.init(reference: "ESOCC-00029", print: true))
        let key = try #require(view.print?.key)
        let events = try await fixture.printUntilDone(spooler, key: key)
        #expect(events.contains(.printed(key: key, queue: "desk1")))
        let documents = await PrintingFixture.documents(of: desk1, count: 1)
        #expect(documents.count == 1)
        let document = try #require(documents.first)
        let code = try #require(try fixture.codes(inPDF: document).first)
        let check = try fixture.desk.check(code)
        #expect(check.reason == .valid)
        #expect(check.claims?.reference == "ESOCC-00029")
    }

    @Test func aRawZebraQueueGetsZPLThatDecodesToTheBadge() async throws {
        let fixture = try await PrintingFixture()
        let zebra = try FakeLabelPrinter()
        try fixture.cups.addQueue("zebra-zd421-203dpi", uri: zebra.uri)
        let profiles = try PrintingFixture.profiles
        let spooler = fixture.spooler(route: ["zebra-zd421-203dpi"], profiles: profiles)
        _ = try spooler.request(reference: "ESOCC-00014", key: "zpl-1", station: "desk-1")
        _ = try await fixture.printUntilDone(spooler, key: "zpl-1")
        let documents = await PrintingFixture.documents(of: zebra, count: 1)
        let zpl = try #require(documents.first)
        #expect(String(decoding: zpl.prefix(3), as: UTF8.self) == "^XA")
        let code = try #require(try fixture.codes(inZPL: zpl).first)
        #expect(try fixture.desk.check(code).claims?.reference == "ESOCC-00014")
    }

    @Test func aZebraQueueWithTheCUPSDriverGetsAGraphicThatDecodesToTheBadge() async throws {
        // The zebra-zd421-203dpi-pdf profile: Lanyard sends PDF, CUPS's sample Zebra driver rasterises it at 203 dpi
        // and sends a ~DG graphic recalled with ^XG.
        let fixture = try await PrintingFixture()
        let zebra = try FakeLabelPrinter()
        let profiles = try PrintingFixture.profiles
        let profile = try #require(profiles.first { $0.name == "zebra-zd421-203dpi-pdf" })
        try fixture.cups.addQueue("desk1-zebra", uri: zebra.uri, model: profile.model)
        let spooler = fixture.spooler(
            route: ["desk1-zebra"], stallTimeout: 20, profiles: profiles, queueProfiles: ["desk1-zebra": profile.name])
        _ = try spooler.request(reference: "ESOCC-00014", key: "driver-1", station: "desk-1")
        _ = try await fixture.printUntilDone(spooler, key: "driver-1", timeout: 60)
        let label = try #require(await PrintingFixture.documents(of: zebra, count: 1).first)
        let text = String(decoding: label, as: UTF8.self)
        #expect(text.contains("~DG") && text.contains("^XG"))
        let code = try #require(try fixture.codes(inZPL: label).first)
        #expect(try fixture.desk.check(code).claims?.reference == "ESOCC-00014")
    }

    enum Fault: String, CaseIterable, Sendable {
        case refusesConnection, acceptsAndStalls, queuePaused, queueRejectingJobs
    }

    @Test(arguments: Fault.allCases)
    func aFaultyPrintersBadgeComesOutOfTheFallbackExactlyOnce(_ fault: Fault) async throws {
        let fixture = try await PrintingFixture()
        let fallback = try FakeLabelPrinter()
        let stalling = try FakeLabelPrinter(.stall)
        let refusing = try FakeLabelPrinter(.refuse)
        defer { [stalling, refusing].forEach { $0.stop() } }  // keeps both ports theirs until the end
        let primaryURI = fault == .refusesConnection ? refusing.uri : stalling.uri
        try fixture.cups.addQueue("primary", uri: primaryURI)
        try fixture.cups.addQueue("fallback", uri: fallback.uri)
        switch fault {
        case .queuePaused: try fixture.cups.tool("cupsdisable", "primary")
        case .queueRejectingJobs: try fixture.cups.tool("cupsreject", "primary")
        default: break
        }
        let spooler = fixture.spooler(route: ["primary", "fallback"], stallTimeout: 2)
        _ = try spooler.request(reference: "ESOCC-00012", key: "fault-\(fault)", station: "desk-1")
        let events = try await fixture.printUntilDone(spooler, key: "fault-\(fault)")
        #expect(try fixture.database.printJob("fault-\(fault)")?.queue == "fallback")
        #expect(events.last == .printed(key: "fault-\(fault)", queue: "fallback"))
        let documents = await PrintingFixture.documents(of: fallback, count: 1)
        try await Task.sleep(for: .seconds(1))
        #expect(fallback.documents.count == 1)
        let document = try #require(documents.first)
        #expect(try fixture.codes(inPDF: document).count == 1)
        let submissions = events.compactMap { event -> Int? in
            if case .submitted(_, "primary", let id) = event { id } else { nil }
        }
        guard fault == .acceptsAndStalls else {
            // Refused, paused or rejecting: known before anything was sent there.
            #expect(submissions.isEmpty)
            return
        }
        // The job on the stalled queue was cancelled, and stays cancelled once the printer lets go: it will not
        // print there too.
        let id = try #require(submissions.first)
        #expect(try fixture.connection.job(id, on: "primary").state == .canceled)
        stalling.stop()
        try await Task.sleep(for: .seconds(2))
        #expect(try fixture.connection.job(id, on: "primary").state == .canceled)
        #expect(try fixture.connection.printers().first { $0.name == "primary" }?.state != .processing)
    }

    enum LostLabel: String, CaseIterable, Sendable {
        case dropsMidJob, runsOutOfPaper, hangs
    }

    @Test(arguments: LostLabel.allCases)
    func aZebraThatLosesTheBadgeIsCaughtByItsOwnStatusAndTheSpareOnePrintsItOnce(_ fault: LostLabel) async throws {
        // CUPS cannot see these (its socket backend has no acknowledgement); the printer's ~HS answer can.
        let fixture = try await PrintingFixture()
        let primary = try FakeLabelPrinter(
            fault == .dropsMidJob ? .drop(afterBytes: 512) : fault == .runsOutOfPaper ? .paperOut : .stall)
        let spare = try FakeLabelPrinter()
        let spooler = try fixture.zebraDesk(primary: primary, spare: spare)
        let key = "lost-\(fault)"
        _ = try spooler.request(reference: "ESOCC-00012", key: key, station: "desk-1")
        let events = try await fixture.printUntilDone(spooler, key: key)
        #expect(events.last == .printed(key: key, queue: "desk1-spare"))
        #expect(events.contains { if case .failedOver(key, "desk1-zebra", _) = $0 { true } else { false } })
        _ = await PrintingFixture.documents(of: spare, count: 1)
        try await Task.sleep(for: .seconds(1))
        #expect(spare.documents.count == 1)
        #expect(primary.documents.isEmpty)
        if fault == .runsOutOfPaper {
            // The label waiting inside was cleared: it will not also print when the paper is refilled.
            #expect(primary.clears == 1)
        }
    }

    @Test func everyBadgeHeldByAZebraOutOfPaperComesOutOfTheSpareOnce() async throws {
        // Clearing the printer for one badge clears the others it holds too: they must move on as well, not be
        // taken for printed because the printer is empty now.
        let fixture = try await PrintingFixture()
        let primary = try FakeLabelPrinter(.paperOut)
        let spare = try FakeLabelPrinter()
        let spooler = try fixture.zebraDesk(primary: primary, spare: spare)
        let references = ["ESOCC-00012", "ESOCC-00014", "ESOCC-00029"]
        for reference in references {
            _ = try spooler.request(reference: reference, key: "held-\(reference)", station: "desk-1")
        }
        // Hand all three to the printer before it is first asked.
        _ = try await fixture.step(spooler)
        _ = await PrintingFixture.documents(of: primary, count: 0, timeout: 2)
        let deadline = Date().addingTimeInterval(40)
        while try references.contains(where: { try fixture.database.printJob("held-\($0)")?.state != .printed }),
            Date() < deadline
        {
            _ = try await fixture.step(spooler)
            try await Task.sleep(for: .milliseconds(300))
        }
        for reference in references {
            #expect(try fixture.database.printJob("held-\(reference)")?.queue == "desk1-spare")
        }
        _ = await PrintingFixture.documents(of: spare, count: 3)
        try await Task.sleep(for: .seconds(1))
        #expect(spare.documents.count == 3)
        #expect(primary.documents.isEmpty)
    }

    @Test func aZebraThatRunsOutOfPaperJustAfterTheBadgeIsNotAskedToPrintItAgain() async throws {
        let fixture = try await PrintingFixture()
        let primary = try FakeLabelPrinter(.paperOutAfterPrinting)
        let spare = try FakeLabelPrinter()
        let spooler = try fixture.zebraDesk(primary: primary, spare: spare)
        _ = try spooler.request(reference: "ESOCC-00012", key: "last-label", station: "desk-1")
        let events = try await fixture.printUntilDone(spooler, key: "last-label")
        #expect(events.last == .printed(key: "last-label", queue: "desk1-zebra"))
        try await Task.sleep(for: .seconds(1))
        #expect(primary.documents.count == 1)
        #expect(spare.documents.isEmpty)
    }

    @Test func aZebraThatPrintsButClosesLateIsAskedAndPrintsOnlyOnce() async throws {
        // Looks stalled to CUPS (the connection stays open), but the printer says it is idle: the badge is out.
        let fixture = try await PrintingFixture()
        let slow = try FakeLabelPrinter(.holdConnection(seconds: 8))
        let spare = try FakeLabelPrinter()
        let spooler = try fixture.zebraDesk(primary: slow, spare: spare)
        _ = try spooler.request(reference: "ESOCC-00012", key: "slow-1", station: "desk-1")
        let events = try await fixture.printUntilDone(spooler, key: "slow-1")
        #expect(events.last == .printed(key: "slow-1", queue: "desk1-zebra"))
        #expect(slow.documents.count == 1)
        #expect(slow.statusQueries >= 1)
        #expect(spare.documents.isEmpty)
    }

    @Test func withoutAStatusQueryADroppedLabelIsPrintedAsCUPSSays() async throws {
        // A printer whose profile names no status query (or a queue without a profile): CUPS's socket backend hands
        // the document to the kernel and reports the job completed even when the printer resets the connection.
        // This is the limit the Zebra status query lifts; for other printers the desk's reprint covers it.
        let fixture = try await PrintingFixture()
        let dropping = try FakeLabelPrinter(.drop(afterBytes: 512))
        try fixture.cups.addQueue("dropping", uri: dropping.uri)
        let spooler = fixture.spooler(route: ["dropping"])
        _ = try spooler.request(reference: "ESOCC-00012", key: "drop-1", station: "desk-1")
        let events = try await fixture.printUntilDone(spooler, key: "drop-1")
        #expect(events.contains(.printed(key: "drop-1", queue: "dropping")))
        #expect(dropping.statusQueries == 0)
    }

    @Test func aRetriedRequestPrintsOnce() async throws {
        let fixture = try await PrintingFixture()
        let desk1 = try FakeLabelPrinter()
        try fixture.cups.addQueue("desk1", uri: desk1.uri)
        let spooler = fixture.spooler(route: ["desk1"])
        _ = try spooler.request(reference: "ESOCC-00012", key: "same-key", station: "desk-1")
        _ = try spooler.request(reference: "ESOCC-00012", key: "same-key", station: "desk-1")
        _ = try await fixture.printUntilDone(spooler, key: "same-key")
        _ = try spooler.request(reference: "ESOCC-00012", key: "same-key", station: "desk-1")
        _ = try await fixture.step(spooler)
        try await Task.sleep(for: .seconds(1.5))
        #expect(desk1.documents.count == 1)
        #expect(try fixture.database.logEntries(kind: .badgeIssued, reference: "ESOCC-00012").count == 1)
    }

    @Test func aJobInterruptedByACrashResumesAtStartUpAndPrintsOnce() async throws {
        let fixture = try await PrintingFixture()
        let desk1 = try FakeLabelPrinter()
        try fixture.cups.addQueue("desk1", uri: desk1.uri)
        // A station that crashed right after CUPS accepted the job, before recording that it had.
        var job = PrintJob(key: "crash-1", reference: "ESOCC-00012", station: "desk-1", preferredQueue: nil, at: Date())
        _ = try fixture.database.enqueuePrint(job)
        let code = try fixture.stations.code(for: "ESOCC-00012")
        let pdf = fixture.folder.url.appendingPathComponent("crash.pdf")
        let content = try fixture.stations.station.studio.content(try fixture.database.delegate("ESOCC-00012"), code)
        try BadgeRenderer(template: try BadgeStudio.template(named: nil)).render(content, format: .pdf, to: pdf)
        let submitted = try fixture.connection.submit(pdf, format: .pdf, to: "desk1", title: "lanyard:crash-1", options: [:])
        #expect(try fixture.connection.findJob(titled: "lanyard:crash-1", on: "desk1") == submitted)
        job.state = .submitting
        job.queue = "desk1"
        job.code = code
        job.serial = 1
        try fixture.database.updatePrint(job)
        // The restarted station picks the job up.
        let restarted = fixture.spooler(route: ["desk1"])
        _ = try await fixture.printUntilDone(restarted, key: "crash-1")
        #expect(try fixture.database.printJob("crash-1")?.state == .printed)
        try await Task.sleep(for: .seconds(1.5))
        #expect(desk1.documents.count == 1)
    }

    @Test func aConnectionWorksFromAThreadOtherThanTheOneThatMadeIt() async throws {
        // libcups keeps its default server per thread, and an async station runs each step wherever it resumes.
        let fixture = try await PrintingFixture()
        let desk1 = try FakeLabelPrinter()
        try fixture.cups.addQueue("desk1", uri: desk1.uri)
        let pdf = fixture.folder.url.appendingPathComponent("thread.pdf")
        let code = try fixture.stations.code(for: "ESOCC-00012")
        let content = try fixture.stations.station.studio.content(try fixture.database.delegate("ESOCC-00012"), code)
        try BadgeRenderer(template: try BadgeStudio.template(named: nil)).render(content, format: .pdf, to: pdf)
        let result = Mutex<Result<Int, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let connection = fixture.connection
        Thread {
            result.withLock { $0 = Result { try connection.submit(pdf, format: .pdf, to: "desk1", title: "thread", options: [:]) } }
            done.signal()
        }.start()
        done.wait()
        #expect(try result.withLock { try $0?.get() } ?? 0 > 0)
    }

    @Test func printersListsEveryQueueWithItsState() async throws {
        let fixture = try await PrintingFixture()
        let desk1 = try FakeLabelPrinter()
        try fixture.cups.addQueue("desk1", uri: desk1.uri)
        try fixture.cups.addQueue("desk2", uri: desk1.uri)
        try fixture.cups.tool("cupsdisable", "desk2")
        let printers = try fixture.connection.printers()
        #expect(printers.map(\.name) == ["desk1", "desk2"])
        #expect(printers[0].isHealthy)
        #expect(printers[1].state == .stopped && printers[1].reasons.contains("paused") && !printers[1].isHealthy)
        #expect(printers[0].deviceURI == desk1.uri)
    }

}
