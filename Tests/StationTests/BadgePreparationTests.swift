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
        let formats = await fixture.station.preparedBadgeFormats().map { "\($0.template ?? "none") \($0.format)" }
        #expect(formats == ["zebra-4x3 zpl", "brother-62mm pdf", "zebra-4x3 pdf"])
    }

    @Test func aStationWithoutPrintersOrCUPSQueuesPreparesNothing() async throws {
        let fixture = try await StationFixture { $0.cupsServer = "127.0.0.1:9" }
        #expect(await fixture.station.preparedBadgeFormats().isEmpty)
    }
}
