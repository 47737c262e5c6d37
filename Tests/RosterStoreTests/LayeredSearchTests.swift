import Foundation
import GRDB
import Roster
import Testing

@testable import RosterStore

/// A station holding the search index of a large roster adds the delegates a walk-in, a name correction or a merged
/// entry changed to it, rather than building the whole index again (about 0.6 s at 100,000 delegates).
@Suite struct LayeredSearchTests {
    /// A store in a fresh folder with three delegates, its search index built.
    private func store() throws -> (folder: DataFolder, store: RosterDatabase) {
        let folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path)
        let store = try RosterDatabase.open(in: folder)
        try store.createEvent(Event(name: "E", venue: "V", firstDay: "2027-03-09", dayCount: 1, timeZoneIdentifier: "UTC"))
        _ = try store.apply(delegates: [
            Delegate(reference: "R-1", givenName: "Ana", familyName: "Ionescu", category: "DEL"),
            Delegate(reference: "R-2", givenName: "Mihai", familyName: "Albu", category: "DEL"),
            Delegate(reference: "R-3", givenName: "Ioana", familyName: "Popa", category: "DEL"),
        ])
        try store.prepareSearch()
        return (folder, store)
    }

    private let walkIn = Delegate(reference: "W-1", givenName: "Zofia", familyName: "Szabo", category: "DEL")

    /// Expects `store` to find the walk-in, with it alone laid over `base` rather than the index built again.
    private func expectWalkInLaidOver(_ base: SearchIndex?, in store: RosterDatabase) throws {
        #expect(try store.search("szabo").map(\.delegate.reference) == ["W-1"])
        let layers = try #require(store.searchIndex.layers())
        let overTheSameIndex = layers.base == base
        #expect(overTheSameIndex)
        #expect(layers.changes.count == 1)
    }

    @Test func aWalkInIsFoundAtOnceAndLaidOverTheIndexRatherThanTheIndexBuiltAgain() throws {
        let (folder, store) = try store()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let before = try #require(store.searchIndex.layers()).base

        _ = try store.registerWalkIn(walkIn, station: "desk-1", staff: nil)

        try expectWalkInLaidOver(before, in: store)
    }

    @Test func aCorrectedNameIsFoundAndTheOldOneNoLongerThoughTheIndexStillHoldsIt() throws {
        let (folder, store) = try store()
        defer { try? FileManager.default.removeItem(at: folder.url) }

        _ = try store.correctName(of: "R-1", to: PersonNameFields(givenName: "Ana", familyName: "Zamfir"), station: "desk-1", staff: nil)

        #expect(try store.search("zamfir").map(\.delegate.reference) == ["R-1"])
        #expect(try store.search("ionescu").isEmpty)
        #expect(try store.search("ana zamfir").map(\.delegate.reference) == ["R-1"])
        #expect(store.searchIndex.layers()?.changes.count == 1)
    }

    @Test func aNameCorrectionMergedFromAnotherStationIsLaidOverTheIndex() throws {
        let (folder, store) = try store()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let correction = NameCorrectionDetails(
            before: PersonNameFields(givenName: "Mihai", familyName: "Albu"), after: PersonNameFields(givenName: "Mihai", familyName: "Dobre"))

        try store.merge([LogEntry(reference: "R-2", station: "desk-9", details: .nameCorrected(correction))])

        #expect(try store.search("dobre").map(\.delegate.reference) == ["R-2"])
        #expect(try store.search("albu").isEmpty)
        #expect(store.searchIndex.layers()?.changes.count == 1)
    }

    @Test func anImportBuildsTheWholeIndexAgain() throws {
        let (folder, store) = try store()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        _ = try store.registerWalkIn(walkIn, station: "desk-1", staff: nil)
        _ = try store.search("szabo")

        _ = try store.apply(delegates: [Delegate(reference: "R-4", givenName: "Dan", familyName: "Pop", category: "DEL")])

        #expect(try store.search("pop").map(\.delegate.reference) == ["R-4", "R-3"])
        #expect(try store.search("szabo").map(\.delegate.reference) == ["W-1"])
        #expect(store.searchIndex.layers()?.changes.count == 0)
    }

    @Test func aStoreOpenedAfterAWalkInLaysItOverTheIndexAnEarlierProcessStored() throws {
        let (folder, first) = try store()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        try first.storeSearchIndex()
        let stored = try #require(first.searchIndex.layers()).base
        _ = try first.registerWalkIn(walkIn, station: "desk-1", staff: nil)

        let next = try RosterDatabase.open(in: folder)

        try expectWalkInLaidOver(stored, in: next)
    }

    @Test func aWalkInMergedFromAnotherStationIsLaidOverTheIndex() throws {
        let (folder, store) = try store()
        defer { try? FileManager.default.removeItem(at: folder.url) }

        let before = try #require(store.searchIndex.layers()).base

        try store.merge([LogEntry(reference: "W-1", station: "desk-9", details: .walkIn(WalkInDetails(delegate: walkIn)))])

        try expectWalkInLaidOver(before, in: store)
    }

    @Test func anIndexStoredAfterAWalkInIsStoredForTheRosterBeforeItAndTheWalkInLaidOverItWhenLoaded() throws {
        let (folder, first) = try store()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        _ = try first.registerWalkIn(walkIn, station: "desk-1", staff: nil)
        _ = try first.search("szabo")

        try first.storeSearchIndex()

        let next = try RosterDatabase.open(in: folder)
        try expectWalkInLaidOver(first.searchIndex.layers()?.base, in: next)
    }

    @Test func aStoredIndexIsBuiltAgainWholeAfterAnImportByAnotherProcess() throws {
        let (folder, first) = try store()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        try first.storeSearchIndex()
        let stored = try #require(first.searchIndex.layers()).base
        _ = try first.registerWalkIn(walkIn, station: "desk-1", staff: nil)
        // Another store on the file (the lanyard command) imports a change the stamps do not record.
        _ = try RosterDatabase.open(in: folder).apply(delegates: [
            Delegate(reference: "R-1", givenName: "Ana", familyName: "Vasile", category: "DEL")
        ])

        let next = try RosterDatabase.open(in: folder)

        #expect(try next.search("vasile").map(\.delegate.reference) == ["R-1"])
        #expect(try next.search("szabo").map(\.delegate.reference) == ["W-1"])
        let builtWhole = next.searchIndex.layers()?.changes.count == 0 && next.searchIndex.layers()?.base != stored
        #expect(builtWhole)
    }

    @Test func moreChangesThanAreLaidOverAnIndexBuildItAgainWhole() throws {
        let (folder, store) = try store()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let walkIns = (0...SearchIndexCache.layeredLimit).map { number in
            LogEntry(
                reference: "W-\(number)", station: "desk-9",
                details: .walkIn(
                    WalkInDetails(delegate: Delegate(reference: "W-\(number)", givenName: "Eva", familyName: "Kis\(number)", category: "DEL"))))
        }

        try store.merge(walkIns)

        #expect(try store.search("kis\(SearchIndexCache.layeredLimit)").map(\.delegate.reference) == ["W-\(SearchIndexCache.layeredLimit)"])
        #expect(store.searchIndex.layers()?.changes.count == 0)
        #expect(store.searchIndex.layers()?.base.count == 3 + walkIns.count)
    }
}
