import Roster
import Station
import Testing

/// A station prepares its search as it starts (index, transliterators, the roster read ahead); desks searching
/// meanwhile wait for it once rather than competing with it (a matter of speed, which the roster benchmark
/// measures: here, that they answer, and that there is one preparation).
@Suite struct SearchPreparationTests {
    @Test func searchesAskedWhileTheStationPreparesItsSearchAnswerInEveryScriptAndOnePreparationRunsAtATime() async throws {
        let fixture = try await ServerFixture()
        let preparing = fixture.station.startPreparingSearch()
        #expect(fixture.station.startPreparingSearch() == preparing, "one preparation at a time")
        async let byName = fixture.station.search("müller")
        async let byCyrillicName = fixture.station.search("Мюллер")
        async let byReference = fixture.station.search("ESOCC-00012")
        let (name, cyrillic, reference) = try await (byName, byCyrillicName, byReference)
        #expect(name.contains { $0.delegate.delegate.reference == "ESOCC-00012" })
        #expect(cyrillic.contains { $0.delegate.delegate.reference == "ESOCC-00012" })
        #expect(reference.first?.delegate.delegate.reference == "ESOCC-00012")
        await preparing.value
        #expect(try await fixture.station.search("ESOCC-00012").first?.delegate.delegate.reference == "ESOCC-00012")
    }
}
