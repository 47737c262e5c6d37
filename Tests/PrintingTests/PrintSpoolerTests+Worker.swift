import Foundation
import LanyardTestSupport
import Logging
import PrintQueue
import Roster
import RosterStore
import ServiceLifecycle
import Station
import Synchronization
import Testing

extension PrintSpoolerTests {
    @Test func thePrintWorkerPrintsQueuedBadgesAndStopsCleanlyOnShutdown() async throws {
        let fixture = try await PrintingFixture()
        let desk1 = try FakeLabelPrinter()
        try fixture.cups.addQueue("desk1", uri: desk1.uri)
        let spooler = fixture.spooler(route: ["desk1"])
        let events = Mutex<[PrintEvent]>([])
        let worker = PrintWorker(
            spooler: spooler, interval: .milliseconds(200), logger: Logger(label: "test")
        ) { event in events.withLock { $0.append(event) } }
        let group = ServiceGroup(services: [worker], logger: Logger(label: "test"))

        // Given a badge requested at the desk while the worker runs
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            _ = try spooler.request(reference: "ESOCC-00012", key: "worker-1", station: "desk-1")

            // When it has printed and the station shuts down.
            let deadline = Date().addingTimeInterval(60)
            while try fixture.database.printJob("worker-1")?.state != .printed, Date() < deadline {
                try await Task.sleep(for: .milliseconds(200))
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }

        // Then the badge came out once and the desk heard about it
        #expect(try fixture.database.printJob("worker-1")?.state == .printed)
        #expect(await PrintingFixture.documents(of: desk1, count: 1).count == 1)
        #expect(events.withLock { $0 }.contains(.printed(key: "worker-1", queue: "desk1")))
    }
}
