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
    func everyDelegatesBadgeReadsBackAsValidAndTheirs(templateName: String) async throws {
        let fixture = try await StationFixture()
        let pdf = fixture.folder.url.appendingPathComponent("all-\(templateName).pdf")
        let batch = try await fixture.station.issueBadges(.init(includeCancelled: true), template: templateName, to: pdf)
        // Every badge went through Pango: no text needed a glyph no font has (that would have left it out).
        #expect(batch.badges.count == 1200)
        #expect(batch.problems.isEmpty)
        // Every page rasterised by pdftoppm and read back by zbarimg.
        let codes = try QRReader.codes(inPDF: pdf, dpi: 150)
        #expect(codes.count == batch.badges.count)
        for (badge, code) in zip(batch.badges, codes) {
            #expect(code == badge.code, "\(badge.reference)")
            let check = try fixture.station.desk.check(code)
            #expect(check.reason == .valid, "\(badge.reference)")
            #expect(check.claims?.reference == badge.reference)
        }
        // And as a PNG preview, for a spread of delegates.
        for badge in batch.badges.enumerated().filter({ $0.offset % 200 == 0 }).map(\.element) {
            let png = fixture.folder.url.appendingPathComponent("badge.png")
            let content = try fixture.station.studio.content(try fixture.database.delegate(badge.reference), badge.code)
            try BadgeRenderer(template: try BadgeStudio.template(named: templateName)).render(content, format: .png(dpi: 300), to: png)
            #expect(try QRReader.codes(inImage: png) == [badge.code])
        }
    }

    @Test func aReprintSupersedesTheLostBadge() async throws {
        let fixture = try await StationFixture()
        let folder = fixture.folder.url
        let lost = try await fixture.station.issueBadge("ESOCC-00012", format: .png(dpi: 300), to: folder.appendingPathComponent("1.png"))
        let reprint = try await fixture.station.issueBadge(
            "ESOCC-00012", format: .png(dpi: 300), to: folder.appendingPathComponent("2.png"), reason: "lost")
        #expect(reprint.serial == lost.serial + 1)
        #expect(try fixture.station.desk.check(lost.code).reason == .superseded)
        #expect(try fixture.station.desk.check(reprint.code).reason == .valid)
        let issues = try fixture.database.logEntries(kind: .badgeIssued, reference: "ESOCC-00012")
        #expect(
            issues.map(\.details) == [
                .badgeIssued(BadgeIssueDetails(serial: 1, isReprint: false)),
                .badgeIssued(BadgeIssueDetails(serial: 2, isReprint: true, reason: "lost")),
            ])
    }

    @Test func aBatchLeavesOutTheBadgesItCannotMakeIssuesNoSerialForThemAndWritesTheOthers() async throws {
        let fixture = try await StationFixture()
        // A name no font can print (a private-use character) and a reference too long for a badge's code, put in
        // the store directly (the importer refuses the latter).
        let long = String(repeating: "R", count: Delegate.maximumReferenceLength + 1)
        _ = try fixture.database.apply(delegates: [
            Delegate(reference: "R-GLYPH", givenName: "Ana\u{E000}", familyName: "Popa", country: "ZZ", category: "ZZZ"),
            Delegate(reference: long, givenName: "Jan", familyName: "Novak", country: "ZZ", category: "ZZZ"),
            Delegate(reference: "R-GOOD", givenName: "Eva", familyName: "Horvat", country: "ZZ", category: "ZZZ"),
        ])
        let pdf = fixture.folder.url.appendingPathComponent("zz.pdf")
        let batch = try await fixture.station.issueBadges(.init(country: "ZZ"), to: pdf)
        #expect(batch.badges.map(\.reference) == ["R-GOOD"])
        #expect(Set(batch.problems.map(\.reference)) == ["R-GLYPH", long])
        #expect(try fixture.database.currentBadge(for: "R-GLYPH") == nil)
        #expect(try fixture.database.currentBadge(for: "R-GOOD")?.serial == 1)
        #expect(try QRReader.codes(inPDF: pdf) == [batch.badges[0].code])
    }

    @Test func aBadgeThatCannotBeRenderedIsNotIssued() async throws {
        let fixture = try await StationFixture()
        _ = try fixture.database.apply(delegates: [Delegate(reference: "R-GLYPH", givenName: "Ana\u{E000}", familyName: "Popa", category: "DEL")])
        let url = fixture.folder.url.appendingPathComponent("glyph.pdf")
        await #expect(throws: LanyardError.self) { try await fixture.station.issueBadge("R-GLYPH", format: .pdf, to: url) }
        #expect(try fixture.database.currentBadge(for: "R-GLYPH") == nil)
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test func aZPLLabelCarriesTheBadgeAsAGraphicField() async throws {
        let fixture = try await StationFixture()
        let url = fixture.folder.url.appendingPathComponent("badge.zpl")
        _ = try await fixture.station.issueBadge("ESOCC-00014", format: .zpl, to: url)
        let zpl = try String(contentsOf: url, encoding: .utf8)
        #expect(zpl.hasPrefix("^XA"))
        #expect(zpl.contains("^GFA,"))
        #expect(zpl.hasSuffix("^XZ\n"))
    }
}
