import BadgeRendering
import LanyardTestSupport
import Printing
import Station
import Testing

@Suite struct BadgePreparationTests {
    @Test func aStationPreparesEachPrintersTemplateInItsFormatOnce() async throws {
        let fixture = try await StationFixture { configuration in
            configuration.printers = PrinterRoute(
                "desk-zebra=zebra-zd421-203dpi, spare-zebra=zebra-zd421-203dpi, hall-brother=brother-ql-820nwb, plain")
        }
        let formats = fixture.station.preparedBadgeFormats.map { "\($0.template ?? "default") \($0.format)" }
        #expect(formats == ["zebra-4x3 zpl", "brother-62mm pdf", "default pdf"])
    }

    @Test func aStationWithoutPrintersPreparesNothing() async throws {
        let fixture = try await StationFixture()
        #expect(fixture.station.preparedBadgeFormats.isEmpty)
        // A template that cannot be read is left to the badge that needs it.
        await fixture.station.prepareBadges([("no-such-template", .zpl)])
    }
}
