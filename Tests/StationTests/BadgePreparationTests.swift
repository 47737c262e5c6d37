import BadgeRendering
import LanyardTestSupport
import Printing
import Station
import Testing

@Suite struct BadgePreparationTests {
    @Test func aStationPreparesEachPrintersTemplateInItsFormatOnce() async throws {
        let fixture = try await StationFixture { configuration in
            configuration.printers = PrinterRoute(
                "desk-zebra=zebra-zd421-203dpi, spare-zebra=zebra-zd421-203dpi, hall-brother=brother-ql-820nwb, plain, "
                    + "zebra-pdf=zebra-zd421-203dpi-pdf")
        }
        // The queue without a profile and the Zebra printing PDFs both take the default template as a PDF: once.
        let formats = fixture.station.preparedBadgeFormats.map { "\($0.template ?? "none") \($0.format)" }
        #expect(formats == ["zebra-4x3 zpl", "brother-62mm pdf", "zebra-4x3 pdf"])
    }

    @Test func aStationWithoutARouteOfPrintersPreparesNothing() async throws {
        let fixture = try await StationFixture()
        #expect(fixture.station.preparedBadgeFormats.isEmpty)
    }
}
