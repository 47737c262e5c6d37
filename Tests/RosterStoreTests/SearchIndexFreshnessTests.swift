import Foundation
import LanyardTestSupport
import Roster
import RosterStore
import Testing

@Suite struct SearchIndexFreshnessTests {
    @Test func searchSeesAnImportMadeAfterTheIndexWasBuiltInThisProcessOrInAnother() throws {
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let desk = try RosterDatabase.open(in: folder)
        try desk.createEvent(Event(name: "E", venue: "V", firstDay: "2027-03-09", dayCount: 1, timeZoneIdentifier: "UTC"))
        _ = try desk.apply(delegates: [Delegate(reference: "R-1", givenName: "Ana", familyName: "Ionescu", category: "DEL")])
        #expect(try desk.search("ionescu").map(\.delegate.reference) == ["R-1"])

        // A walk-in registered through this store…
        _ = try desk.apply(delegates: [Delegate(reference: "R-2", givenName: "Mihai", familyName: "Ionescu", category: "DEL")])
        #expect(try desk.search("ionescu").map(\.delegate.reference) == ["R-1", "R-2"])

        // …then a name correction imported by another process, the lanyard command.
        let corrections = folder.url.appendingPathComponent("corrections.csv")
        try "reference,first_name,last_name,category\nR-1,Ana,Popescu,DEL\n".write(to: corrections, atomically: true, encoding: .utf8)
        let imported = try LanyardProcess(data: folder.url).run("import", corrections.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try desk.search("ionescu").map(\.delegate.reference) == ["R-2"])
        #expect(try desk.search("popescu").map(\.delegate.reference) == ["R-1"])
    }
}
