import Foundation
import LanyardTestSupport
import Logging
import PostgresHub
import Roster
import RosterStore
import Station
import Sync
import Testing

/// Hubs sharing one PostgreSQL pull the roster from the registration system (a stand-in export on loopback) one at a
/// time, and each builds on the roster the other took.
extension HubStoreTests {
    @Test func twoHubsAskedToPullAtOnceFetchTheExportOnceAndTheOtherTakesTheRosterItBrought() async throws {
        let export = StandInExport(
            body: try StandInExport.sampleConference { lines in
                lines.append("ESOCC-09001,Ms,Irena,Kovač,,Europol,NL,DEL,irena.kovac@example.eu,A1,1;2,confirmed")
            }, etag: "\"v1\"")
        // Long enough that the second hub asks while the first still waits for its copy.
        export.answer(after: .seconds(1))
        try await Self.withTwoHubs(on: try PrivatePostgres()) { first, hubA, second, hubB in
            let before = try await first.eventPackage(for: "door-3", signingKey: false).rosterRevision
            #expect((try? hubB.database.delegate("ESOCC-09001")) == nil)
            try await export.serving { port in
                let source = UpstreamSource(url: URL(string: "http://127.0.0.1:\(port)/export.csv")!)
                let pullers = [
                    UpstreamPuller(station: hubA, source: source, ledger: first, logger: Logger(label: "test")),
                    UpstreamPuller(station: hubB, source: source, ledger: second, logger: Logger(label: "test")),
                ]
                async let a = pullers[0].pull()
                async let b = pullers[1].pull()
                let outcomes = await [a.outcome, b.outcome]
                #expect(Set(outcomes) == [.imported, .elsewhere], "one hub pulls, the other is told it pulls elsewhere")
                #expect(export.copiesSent == 1, "the export was fetched once")

                // The hub that did not pull pulls later: it first takes the roster the other brought, then asks
                // with the copy's ETag, which the hubs share.
                let (other, otherStation) = outcomes[0] == .elsewhere ? (pullers[0], hubA) : (pullers[1], hubB)
                let later = await other.pull()
                #expect(later.outcome == .unchanged, "\(later.problem ?? "")")
                #expect(export.notModifiedAnswers == 1 && export.copiesSent == 1)
                #expect(try otherStation.database.delegate("ESOCC-09001").familyName == "Kovač")
                let lasts = [try await pullers[0].last(), try await pullers[1].last()]
                // Kept to the millisecond, as every time the hubs exchange.
                #expect(lasts[0] == lasts[1] && lasts[0]?.outcome == .unchanged, "every hub sees the event's last pull")
            }
            let event = try await first.eventPackage(for: "door-3", signingKey: false)
            #expect(event.delegates.contains { $0.reference == "ESOCC-09001" }, "the event's roster in the database has it")
            #expect(event.rosterRevision > before, "under a new revision, which stations then take")
        }
    }

    @Test func aRosterImportedIntoAStoppedHubsFolderReachesTheEventWithoutUndoingWhatAnotherHubPulledMeanwhile() async throws {
        let server = try PrivatePostgres()
        let fixture = try await StationFixture { $0.name = "hub-a" }
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-hub-b-\(UUID().uuidString)").path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        try await Self.withHub(on: server) { first in
            #expect(try await first.seed(from: fixture.station) == .seeded)
            let seeded = try await first.eventPackage(for: "door-3", signingKey: false).rosterRevision
            #expect(try await first.shareRosterImportedWhileStopped(by: fixture.station) == false, "nothing imported since")

            // Before it stops, a desk corrects a name there (the log touches that registration, not an import)...
            _ = try await fixture.station.correctName("ESOCC-00001", to: PersonNameFields(givenName: "Corrected", familyName: "Here"))
            // ...and while it is stopped, the second hub pulls that registration's cancellation...
            try await Self.withHub(on: server) { second in
                let hubB = try await Self.joined(to: second, in: folder)
                let export = StandInExport(
                    body: try StandInExport.sampleConference { lines in lines[1] = lines[1].replacingOccurrences(of: ",confirmed", with: ",cancelled")
                    },
                    etag: "\"v1\"")
                try await export.serving { port in
                    let source = UpstreamSource(url: URL(string: "http://127.0.0.1:\(port)/export.csv")!)
                    let pull = await UpstreamPuller(station: hubB, source: source, ledger: second, logger: Logger(label: "test")).pull()
                    #expect(pull.cancelled == 1, "\(pull.problem ?? "")")
                }
            }
            // ...and the organiser imports a late registration into the first hub's folder; then it starts again.
            _ = try fixture.database.apply(
                delegates: [Delegate(reference: "ESOCC-09999", givenName: "Late", familyName: "Registration", category: "DEL")])
            #expect(try await first.seed(from: fixture.station) == .joined)
            #expect(try await first.shareRosterImportedWhileStopped(by: fixture.station))
            let event = try await first.eventPackage(for: "door-3", signingKey: false)
            #expect(event.delegates.contains { $0.reference == "ESOCC-09999" }, "the late registration is the event's")
            #expect(event.delegates.first { $0.reference == "ESOCC-00001" }?.status == .cancelled, "the other hub's pull stands")
            #expect(event.rosterRevision > seeded + 1, "under a new revision, which the other hubs and the stations take")
            #expect(try await first.shareRosterImportedWhileStopped(by: fixture.station) == false, "shared once")
        }
    }

    @Test func aRegistrationAHubImportedStaysAsImportedWhenItTakesTheEventsRosterUntilItHasSharedIt() async throws {
        let fixture = try await StationFixture { $0.name = "hub-a" }
        let station = fixture.station
        let event = try await station.eventPackage(for: "hub-a", signingKey: false)
        try await station.noteRosterInStep()
        var moved = try fixture.database.delegate("ESOCC-00012")
        moved.organisation = "Police cantonale du Valais"
        _ = try fixture.database.apply(delegates: [moved])
        // The event's roster, from before that import, comes while the import is not shared yet (a share that failed).
        try await station.takeRoster(of: event)
        #expect(try fixture.database.delegate("ESOCC-00012").organisation == "Police cantonale du Valais", "not undone")
        #expect(try await station.rosterImportedSinceInStep()?.map(\.reference) == ["ESOCC-00012"], "still to share")
        // Once shared, the event's roster is taken whole again.
        try await station.noteRosterInStep()
        try await station.takeRoster(of: event)
        #expect(try fixture.database.delegate("ESOCC-00012").organisation != "Police cantonale du Valais")
    }
}
