import Foundation
import Roster
import RosterStore
import Testing

@Suite struct SearchIndexFreshnessTests {
    @Test func searchSeesAnImportMadeAfterTheIndexWasBuiltInThisOrAnotherProcess() throws {
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let desk = try RosterDatabase.open(in: folder)
        try desk.createEvent(Event(name: "E", venue: "V", firstDay: "2027-03-09", dayCount: 1, timeZoneIdentifier: "UTC"))
        _ = try desk.apply(delegates: [Delegate(reference: "R-1", givenName: "Ana", familyName: "Ionescu", category: "DEL")])
        #expect(try desk.search("ionescu").map(\.delegate.reference) == ["R-1"])

        // A walk-in registered through this store, then a name correction made through another opening of it.
        _ = try desk.apply(delegates: [Delegate(reference: "R-2", givenName: "Mihai", familyName: "Ionescu", category: "DEL")])
        #expect(try desk.search("ionescu").map(\.delegate.reference) == ["R-1", "R-2"])
        let other = try RosterDatabase.open(in: folder)
        _ = try other.apply(delegates: [Delegate(reference: "R-1", givenName: "Ana", familyName: "Popescu", category: "DEL")])
        #expect(try desk.search("ionescu").map(\.delegate.reference) == ["R-2"])
        #expect(try desk.search("popescu").map(\.delegate.reference) == ["R-1"])
    }
}
