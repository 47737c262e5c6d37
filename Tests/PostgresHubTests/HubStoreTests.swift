import Foundation
import LanyardTestSupport
import Logging
import PostgresHub
import Roster
import RosterStore
import Station
import Testing

/// What a hub answers its stations from, whichever store holds the event: the same promises kept by a hub's own
/// SQLite store and by a real PostgreSQL server shared between hubs.
@Suite(.serialized) struct HubStoreTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    /// A hub store holding the sample conference (seeded into a PostgreSQL server of the test's own for that kind).
    static func withStore(_ kind: Kind, _ body: (any HubStore, StationFixture) async throws -> Void) async throws {
        let fixture = try await StationFixture()
        switch kind {
        case .sqlite:
            try await body(fixture.station, fixture)
        case .postgres:
            let server = try PrivatePostgres()
            try await withHub(on: server) { hub in
                #expect(try await hub.seed(from: fixture.station) == .seeded)
                try await body(hub, fixture)
            }
        }
    }

    /// A hub on `server`'s database, its pool running, migrated, for `body`. The timeout is a bound for "never"
    /// on a machine running other suites at once, not a speed.
    static func withHub(
        on server: PrivatePostgres, timeout: Duration = .seconds(60), _ body: (PostgresHub) async throws -> Void
    ) async throws {
        let hub = try PostgresHub(url: server.url, timeout: timeout, logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await hub.run() }
            try await hub.migrate()
            try await body(hub)
            group.cancelAll()
        }
    }

    /// Check-outs made at door-3, each carrying the sequence number it is given (and made at that minute).
    static func doorEntries(numbered numbers: [Int], _ fixture: StationFixture) -> [LogEntry] {
        numbers.map { number in
            var entry = checkOut(number, fixture, station: "door-3")
            entry.sequence = Int64(number)
            return entry
        }
    }

    /// Two hubs on one database of `server`: the first seeded from a station of the sample conference (`hub-a`),
    /// the second on an empty folder, its copy joined from the database (`hub-b`).
    static func withTwoHubs(
        on server: PrivatePostgres, _ body: (_ first: PostgresHub, _ hubA: Station, _ second: PostgresHub, _ hubB: Station) async throws -> Void
    ) async throws {
        let fixture = try await StationFixture { $0.name = "hub-a" }
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-hub-b-\(UUID().uuidString)").path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        try await withHub(on: server) { first in
            #expect(try await first.seed(from: fixture.station) == .seeded)
            try await withHub(on: server) { second in
                try await body(first, fixture.station, second, try await joined(to: second, in: folder))
            }
        }
    }

    /// The copy of a second hub (`hub-b`) on `folder`, joined from the database `hub` shares.
    static func joined(to hub: PostgresHub, in folder: DataFolder) async throws -> Station {
        try await Station.join(
            try await hub.eventPackage(for: "hub-b", signingKey: true), hub: URL(string: "postgres://127.0.0.1")!,
            configuration: StationConfiguration(data: folder, name: "hub-b"), logger: Logger(label: "test"))
    }

    static func checkOut(_ minute: Int, _ fixture: StationFixture, station: String = "desk-2") -> LogEntry {
        LogEntry(
            at: fixture.time("2027-03-09T09:\(String(format: "%02d", minute))"), reference: "ESOCC-00012", station: station,
            details: .checkOut(CheckOutDetails(day: 1)))
    }

    @Test(arguments: Kind.allCases)
    func entriesPushedTwiceAreMergedOnceAndPulledWholeInOrderAfterTheCursor(kind: Kind) async throws {
        try await Self.withStore(kind) { store, fixture in
            let start = try await store.entries(after: 0, limit: 2_000, wait: .zero, roster: nil).last
            let entries = (0..<5).map { Self.checkOut($0, fixture) }
            #expect(try await store.merge(entries) == 5)
            #expect(try await store.merge(entries + entries) == 0, "merging the same entries again changes nothing")
            let first = try await store.entries(after: start, limit: 3, wait: .zero, roster: nil)
            #expect(first.entries.map(\.entry) == Array(entries.prefix(3)))
            let rest = try await store.entries(after: first.last, limit: 10, wait: .zero, roster: nil)
            #expect(rest.entries.map(\.entry) == Array(entries.suffix(2)))
            #expect(try await store.entries(after: rest.last, limit: 10, wait: .zero, roster: nil).entries.isEmpty)
        }
    }

    @Test(arguments: Kind.allCases)
    func aLargePushWithEntriesRepeatedInItIsMergedOnceInTheOrderSent(kind: Kind) async throws {
        try await Self.withStore(kind) { store, fixture in
            let start = try await store.entries(after: 0, limit: 2_000, wait: .zero, roster: nil).last
            // More than one statement's worth on PostgreSQL, with some entries sent twice in the same push.
            let entries = (0..<2_500).map { Self.checkOut($0 % 60, fixture) }
            #expect(try await store.merge(entries + entries.prefix(10)) == 2_500)
            var pulled: [LogEntry] = []
            var cursor = start
            while true {
                let batch = try await store.entries(after: cursor, limit: 1_000, wait: .zero, roster: nil)
                guard !batch.entries.isEmpty else { break }
                pulled += batch.entries.map(\.entry)
                cursor = batch.last
            }
            #expect(pulled == entries)
        }
    }

    @Test(arguments: Kind.allCases)
    func aPullWaitingForNewEntriesAnswersAsSoonAsOneIsMerged(kind: Kind) async throws {
        try await Self.withStore(kind) { store, fixture in
            let now = try await store.entries(after: 0, limit: 2_000, wait: .zero, roster: nil)
            async let waiting = store.entries(after: now.last, limit: 10, wait: .seconds(20), roster: now.rosterRevision)
            try await Task.sleep(for: .milliseconds(300))
            let entry = Self.checkOut(30, fixture)
            _ = try await store.merge([entry])
            let clock = ContinuousClock()
            let started = clock.now
            #expect(try await waiting.entries.map(\.entry) == [entry])
            #expect(clock.now - started < .seconds(15), "answered on the entry, not at the end of the wait")
        }
    }

    @Test(arguments: Kind.allCases)
    func theEventPackageCarriesTheRosterAndTheSigningKeyOnlyWhenAsked(kind: Kind) async throws {
        try await Self.withStore(kind) { store, fixture in
            let door = try await store.eventPackage(for: "door-3", signingKey: false)
            #expect(door.station == "door-3" && door.signingKey == nil)
            #expect(door.event.id == fixture.station.event.id)
            #expect(Set(door.delegates.map(\.reference)) == Set(try fixture.database.delegates().map(\.reference)))
            #expect(try await store.eventPackage(for: "desk-2", signingKey: true).signingKey != nil)
        }
    }

    @Test(arguments: Kind.allCases)
    func eachStationsLagIsTheEntriesItHasNotPulledYet(kind: Kind) async throws {
        try await Self.withStore(kind) { store, fixture in
            _ = try await store.merge([Self.checkOut(1, fixture), Self.checkOut(2, fixture)])
            let last = try await store.entries(after: 0, limit: 2_000, wait: .zero, roster: nil).last
            await store.recordContact(of: "door-3", pulled: last - 2)
            await store.recordContact(of: "desk-2", pulled: last)
            let peers = try await store.syncPeers()
            #expect(peers.first { $0.station == "door-3" }?.behind == 2)
            #expect(peers.first { $0.station == "desk-2" }?.behind == 0)
        }
    }

    @Test(arguments: Kind.allCases)
    func theEntriesOfAStationTheHubIsMissingAreCountedByTheirSequenceNumbers(kind: Kind) async throws {
        try await Self.withStore(kind) { store, fixture in
            let entries = Self.doorEntries(numbered: [1, 2, 4], fixture)
            _ = try await store.merge(entries)
            await store.recordContact(of: "door-3", pulled: 0)
            let door = try #require(try await store.syncPeers().first { $0.station == "door-3" })
            #expect(door.made == 4 && door.missing == 1, "entry 3 of door-3 never reached the hub")
        }
    }

    @Test(arguments: Kind.allCases)
    func aStationJoiningAgainWithAnEmptyFolderNumbersItsEntriesAfterThoseTheHubHolds(kind: Kind) async throws {
        try await Self.withStore(kind) { store, fixture in
            let made = Self.doorEntries(numbered: [1, 2, 3], fixture)
            _ = try await store.merge(made)
            let package = try await store.eventPackage(for: "door-3", signingKey: false)
            #expect(package.lastSequence == 3)
            let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-rejoin-\(UUID().uuidString)").path)
            defer { try? FileManager.default.removeItem(at: folder.url) }
            let door = try await Station.join(
                package, hub: URL(string: "http://127.0.0.1:9")!, configuration: StationConfiguration(data: folder, name: "door-3"),
                logger: Logger(label: "test"))
            try door.database.append([Self.checkOut(9, fixture, station: "door-3")])
            #expect(try door.database.logEntries().last?.sequence == 4, "not 1 again, which the hub holds already")
        }
    }

    @Test func anAccountOfTheSameNameMadeApartAtEachHubKeepsItsOwnRoleAndPasswordAndItsTokensStayHome() async throws {
        try await Self.withTwoHubs(on: try PrivatePostgres()) { first, hubA, second, hubB in
            _ = try await hubA.addStaff("gate-1", role: .kiosk, password: "kiosk-password-a")
            let kioskToken = try await hubA.issueToken(for: "gate-1")
            _ = try await hubB.addStaff("gate-1", role: .organiser, password: "organiser-password-b")
            for _ in 0..<2 {
                try await first.shareStaff(of: hubA)
                try await second.shareStaff(of: hubB)
            }
            #expect(try await hubB.authenticate(kioskToken) == nil, "the kiosk's token never acts as hub B's organiser")
            _ = try await hubB.signIn("gate-1", password: "organiser-password-b", from: nil)
            _ = try await hubA.signIn("gate-1", password: "kiosk-password-a", from: nil)
            #expect(try await hubA.authenticate(kioskToken)?.staff.role == .kiosk)
        }
    }

    @Test(arguments: [true, false])
    func aRevocationAtOneHubStandsAtTheOtherThoughThePasswordWasChangedThereAfterwards(revokingHubSharesFirst: Bool) async throws {
        try await Self.withTwoHubs(on: try PrivatePostgres()) { first, hubA, second, hubB in
            let (_, oneTime) = try await hubA.addStaff("ana", role: .organiser)
            try await first.shareStaff(of: hubA)
            try await second.shareStaff(of: hubB)
            // Apart for a moment: ana is revoked at the first hub, then changes her password at the second.
            try await hubA.revokeStaff("ana")
            try await Task.sleep(for: .milliseconds(20))
            _ = try await hubB.signIn("ana", password: oneTime, newPassword: "new-password-at-b", from: nil)
            for _ in 0..<2 {
                if revokingHubSharesFirst {
                    try await first.shareStaff(of: hubA)
                    try await second.shareStaff(of: hubB)
                } else {
                    try await second.shareStaff(of: hubB)
                    try await first.shareStaff(of: hubA)
                }
            }
            for hub in [hubA, hubB] {
                await #expect(throws: LanyardError.self, "revoked at \(hub.name)") {
                    try await hub.signIn("ana", password: "new-password-at-b", from: nil)
                }
            }
        }
    }

    @Test func aHubsDashboardShowsTheLagOfStationsJoinedToAnotherHubOfItsDatabase() async throws {
        let server = try PrivatePostgres()
        let fixture = try await StationFixture()
        try await Self.withHub(on: server) { first in
            _ = try await first.seed(from: fixture.station)
            fixture.station.answerForStations(from: first)
            try await Self.withHub(on: server) { second in
                _ = try await second.merge([Self.checkOut(1, fixture), Self.checkOut(2, fixture)])
                let last = try await second.entries(after: 0, limit: 2_000, wait: .zero, roster: nil).last
                // door-3 is joined to the second hub only, and has pulled all but the last two entries.
                await second.recordContact(of: "door-3", pulled: last - 2)
            }
            let door = try #require(try await fixture.station.dashboard().stations.first { $0.name == "door-3" })
            #expect(door.behind == 2)
        }
    }

    @Test func staffAndTokensMadeAtOneHubWorkAtTheOtherUntilRevokedThere() async throws {
        try await Self.withTwoHubs(on: try PrivatePostgres()) { first, hubA, second, hubB in
            _ = try await hubA.addStaff("ana", role: .organiser, password: "organiser-password")
            _ = try await hubA.addStaff("kiosk-7", role: .kiosk)
            let token = try await hubA.issueToken(for: "kiosk-7")
            try await first.shareStaff(of: hubA)
            try await second.shareStaff(of: hubB)
            _ = try await hubB.signIn("ana", password: "organiser-password", from: nil)
            #expect(try await hubB.authenticate(token)?.staff.role == .kiosk, "a kiosk's token made at the other hub")

            try await hubA.revokeStaff("ana")
            try await hubA.revokeStaff("kiosk-7")
            try await first.shareStaff(of: hubA)
            try await second.shareStaff(of: hubB)
            await #expect(throws: LanyardError.self, "an account revoked at the other hub") {
                try await hubB.signIn("ana", password: "organiser-password", from: nil)
            }
            #expect(try await hubB.authenticate(token) == nil, "its token too")
        }
    }

    @Test func twoHubsOnOneDatabaseAnswerWithTheSameEntriesAtTheSamePositions() async throws {
        let server = try PrivatePostgres()
        let fixture = try await StationFixture()
        try await Self.withHub(on: server) { first in
            #expect(try await first.seed(from: fixture.station) == .seeded)
            try await Self.withHub(on: server) { second in
                #expect(try await second.seed(from: fixture.station) == .joined, "the second hub finds the event there")
                _ = try await first.merge([Self.checkOut(1, fixture, station: "desk-1")])
                _ = try await second.merge([Self.checkOut(2, fixture, station: "door-2")])
                let seen = [
                    try await first.entries(after: 0, limit: 2_000, wait: .zero, roster: nil),
                    try await second.entries(after: 0, limit: 2_000, wait: .zero, roster: nil),
                ]
                #expect(seen[0] == seen[1])
                #expect(seen[0].entries.suffix(2).map(\.entry.station) == ["desk-1", "door-2"])
            }
        }
    }

    @Test func aHubAnswersAgainOnceItsDatabaseIsBackAfterARestart() async throws {
        let server = try PrivatePostgres()
        let fixture = try await StationFixture()
        try await Self.withHub(on: server, timeout: .seconds(10)) { hub in
            _ = try await hub.seed(from: fixture.station)
            try server.stop()
            await #expect(throws: LanyardError.self) { try await hub.merge([Self.checkOut(1, fixture)]) }
            try server.start()
            let entry = Self.checkOut(2, fixture)
            var merged = 0
            for _ in 0..<50 where merged == 0 {
                merged = (try? await hub.merge([entry])) ?? 0
                if merged == 0 { try await Task.sleep(for: .milliseconds(200)) }
            }
            #expect(merged == 1)
            #expect(try await hub.entries(after: 0, limit: 2_000, wait: .zero, roster: nil).entries.last?.entry == entry)
        }
    }
}
