import BadgeRendering
import BadgeTemplates
import DelimitedText
import Foundation
import LanyardTestSupport
import Roster
import SampleConference
import Testing

@Suite struct BadgeFitTests {
    static let event = try! Event(name: "ESOCC", venue: "Arena", firstDay: "2027-03-09", dayCount: 3, timeZoneIdentifier: "Europe/London")

    /// The sample conference's delegates with the longest names, native names and organisations: the badges most
    /// likely to overflow.
    static let longest: [Delegate] = {
        let table = try! DelimitedTable(contentsOf: SampleConference.delegatesURL)
        let delegates = table.records.map { row in
            Delegate(
                reference: row.fields[0], title: row.fields[1], givenName: row.fields[2], familyName: row.fields[3],
                nativeName: row.fields[4].isEmpty ? nil : row.fields[4], organisation: row.fields[5], country: row.fields[6],
                category: row.fields[7])
        }
        let byName = delegates.sorted { $0.displayName.count > $1.displayName.count }.prefix(4)
        let byNative = delegates.sorted { ($0.nativeName ?? "").count > ($1.nativeName ?? "").count }.prefix(3)
        let byOrganisation = delegates.sorted { $0.organisation.count > $1.organisation.count }.prefix(2)
        return Array(byName) + Array(byNative) + Array(byOrganisation)
    }()

    @Test(arguments: BadgeTemplates.names)
    func theSamplesLongestNamesPutTheirInkInsideTheirBoxesOnTheRenderedRaster(templateName: String) throws {
        let template = try BadgeTemplate(contentsOf: BadgeTemplates.url(named: templateName))
        let dpi = 150.0
        let pixel = 25.4 / dpi
        for delegate in Self.longest {
            let content = BadgeContent(delegate: delegate, event: Self.event, categories: [], code: "LY1:TEST")
            for case .text(var element) in template.elements {
                // Each text alone, in black, on a blank label: every dark pixel of the raster is its ink.
                element.colour = Colour(hex: "#000000")!
                var single = template
                single.elements = [.text(element)]
                let url = FileManager.default.temporaryDirectory.appendingPathComponent("fit-\(UUID().uuidString).png")
                defer { try? FileManager.default.removeItem(at: url) }
                try BadgeRenderer(template: single).render(content, format: .png(dpi: Int(dpi)), to: url)
                guard let ink = try RasterImage(contentsOf: url).inkBounds() else { continue }
                let box = element.box
                let slack = 2 * pixel  // anti-aliasing reaches a pixel beyond the outline
                let place = "\(templateName) \(element.format) for \(delegate.reference) “\(content.text(for: element.format))”"
                #expect(Double(ink.minX) * pixel >= box.x - slack && Double(ink.maxX + 1) * pixel <= box.x + box.width + slack, "\(place)")
                #expect(Double(ink.minY) * pixel >= box.y - slack && Double(ink.maxY + 1) * pixel <= box.y + box.height + slack, "\(place)")
            }
        }
    }

    @Test func aNameTooLongForItsBoxShrinksWrapsThenIsEllipsisedAndSaysSo() throws {
        let template = try BadgeTemplate(contentsOf: BadgeTemplates.url(named: "dymo-89x36"))
        let delegate = Delegate(
            reference: "R-1", givenName: String(repeating: "Maximiliana ", count: 8), familyName: "Wolfeschlegelsteinhausenbergerdorff",
            category: "DEL")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fit-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: url) }
        let fits = try BadgeRenderer(template: template).render(
            BadgeContent(delegate: delegate, event: Self.event, categories: [], code: "LY1:TEST"), format: .png(dpi: 300), to: url)
        let name = try #require(fits.first { $0.element == "{name}" })
        #expect(name.adjustments == [.shrunk, .wrapped, .ellipsized])
        #expect(name.points == template.elements.compactMap { if case .text(let t) = $0, t.format == "{name}" { t.minimumSize } else { nil } }.first)
    }

    @Test func aTemplateErrorNamesTheFileTheElementAndTheReason() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = "  - text: \"{name}\"\n    box: {x: 1, y: 1, width: 10, height: 5}\n"
        let cases: [(String, String, String)] = [
            ("  - text: \"{nickname}\"\n    box: {x: 1, y: 1, width: 10, height: 5}\n", "element 2", "field “nickname” is unknown"),
            ("  - text: \"{name}\"\n    box: {x: 90, y: 1, width: 20, height: 5}\n", "element 2", "outside"),
            ("  - band: {x: 1, y: 1, width: 10, height: 5}\n    colours: {default: \"#GG0000\"}\n", "element 2", "not a colour"),
        ]
        for (index, (element, named, reason)) in cases.enumerated() {
            let url = folder.appendingPathComponent("bad-\(index).yaml")
            try "name: bad\nlabel: {width: 100, height: 60}\nelements:\n\(good)\(element)".write(to: url, atomically: true, encoding: .utf8)
            let error = #expect(throws: LanyardError.self) { try BadgeTemplate(contentsOf: url) }
            #expect(error?.message.contains("bad-\(index).yaml") == true)
            #expect(error?.message.contains(named) == true, "\(error?.message ?? "")")
            #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
        }
    }

    @Test func aMissingFontNamesTheFileAndTheFont() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("font.yaml")
        try
            "name: font\nlabel: {width: 100, height: 60}\nelements:\n  - text: \"{name}\"\n    font: No Such Font Family\n    box: {x: 1, y: 1, width: 10, height: 5}\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let error = #expect(throws: LanyardError.self) { try BadgeTemplate(contentsOf: url) }
        #expect(error?.message.contains("font.yaml") == true && error?.message.contains("No Such Font Family") == true)
    }

    @Test func aQRBoxTooSmallForHalfMillimetreModulesIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("tiny.yaml")
        try "name: tiny\nlabel: {width: 50, height: 30}\ndpi: 203\nelements:\n  - qr: {x: 1, y: 1, size: 15}\n".write(
            to: url, atomically: true, encoding: .utf8)
        let template = try BadgeTemplate(contentsOf: url)
        let code = String(repeating: "A", count: 150)
        let error = #expect(throws: LanyardError.self) {
            try BadgeRenderer(template: template).render(
                BadgeContent(fields: [:], category: "DEL", code: code), format: .pdf, to: folder.appendingPathComponent("t.pdf"))
        }
        #expect(error?.message.contains("0.5 mm") == true)
    }
}
