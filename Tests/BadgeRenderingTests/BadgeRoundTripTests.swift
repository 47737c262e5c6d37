import BadgeRendering
import Badges
import Foundation
import LanyardTestSupport
import Roster
import RosterStore
import Station
import Testing

/// Every delegate's badge, rendered for real and read back by zbarimg, verifies as theirs.
@Suite struct BadgeRoundTripTests {
    @Test(arguments: ["zebra-4x3", "a6-insert"])
    func everyDelegatesBadgeReadsBackAsValidAndTheirs(templateName: String) throws {
        let fixture = try BadgeFixture()
        let studio = BadgeStudio(desk: fixture.desk, template: try BadgeStudio.template(named: templateName))
        let delegates = try fixture.desk.database.delegates()
        #expect(delegates.count == 1200)
        let pdf = fixture.file("all-\(templateName).pdf")
        let outputs = try studio.issueBatch(delegates, station: "test", to: pdf)
        // Every badge went through Pango: no text needed a glyph no font has (that would have thrown).
        #expect(outputs.count == delegates.count)
        // Every page rasterised by pdftoppm and read back by zbarimg, in two processes for speed.
        let codes = try QRReader.codes(inPDF: pdf, dpi: 150)
        #expect(codes.count == outputs.count)
        for (output, code) in zip(outputs, codes) {
            #expect(code == output.token.text, "\(output.delegate.reference)")
            let check = try fixture.desk.check(code)
            #expect(check.reason == .valid, "\(output.delegate.reference)")
            #expect(check.claims?.reference == output.delegate.reference)
        }
        // And as a PNG preview, for a spread of delegates.
        for output in outputs.enumerated().filter({ $0.offset % 100 == 0 }).map(\.element) {
            let png = fixture.file("badge.png")
            let content = BadgeContent(
                delegate: output.delegate, event: fixture.desk.event, categories: try fixture.desk.database.categories(),
                code: output.token.text)
            try BadgeRenderer(template: studio.template).render(content, format: .png(dpi: 300), to: png)
            #expect(try QRReader.codes(inImage: png) == [output.token.text])
        }
    }

    @Test func aReprintSupersedesTheLostBadge() throws {
        let fixture = try BadgeFixture()
        let studio = BadgeStudio(desk: fixture.desk, template: try BadgeStudio.template(named: "zebra-4x3"))
        let lost = try studio.issueBadge(reference: "ESOCC-00012", station: "desk", format: .png(dpi: 300), to: fixture.file("1.png"))
        let reprint = try studio.issueBadge(reference: "ESOCC-00012", station: "desk", format: .png(dpi: 300), to: fixture.file("2.png"))
        #expect(reprint.token.claims.serial == lost.token.claims.serial + 1)
        #expect(try fixture.desk.check(lost.token.text).reason == .superseded)
        #expect(try fixture.desk.check(reprint.token.text).reason == .valid)
        let issues = try fixture.desk.database.logEntries(kind: .badgeIssued, reference: "ESOCC-00012")
        #expect(issues.map { $0.details["reprint"] } == ["false", "true"])
    }

    @Test func aZPLLabelCarriesTheBadgeAsAGraphicField() throws {
        let fixture = try BadgeFixture()
        let studio = BadgeStudio(desk: fixture.desk, template: try BadgeStudio.template(named: "zebra-4x3"))
        let url = fixture.file("badge.zpl")
        _ = try studio.issueBadge(reference: "ESOCC-00014", station: "desk", format: .zpl, to: url)
        let zpl = try String(contentsOf: url, encoding: .utf8)
        #expect(zpl.hasPrefix("^XA"))
        #expect(zpl.contains("^GFA,"))
        #expect(zpl.hasSuffix("^XZ\n"))
    }
}
