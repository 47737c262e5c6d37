import BadgeRendering
import BadgeTemplates
import Foundation
import Roster
import Testing

@Suite struct BadgeFitTests {
    static let longestNames: [(String, String, String?)] = [
        ("Jürgen-Maria", "von Groß-Lüdenscheidt", nil), ("Grzegorz", "Brzęczyszczykiewicz", nil),
        ("Αικατερίνη", "Παπαγεωργίου", nil), ("გიორგი", "მაისურაძე", nil), ("Լուսինե", "Հովհաննիսյան", nil),
        ("Konstantinos", "Papadopoulos", "Κωνσταντίνος Παπαδόπουλος"),
        ("Maximiliana-Alexandrina", "Wolfeschlegelsteinhausenbergerdorff-Brzęczyszczykiewicz", nil),
    ]

    @Test(arguments: BadgeTemplates.names)
    func theLongestNamesStayInsideTheirBoxes(templateName: String) throws {
        let template = try BadgeTemplate(contentsOf: BadgeTemplates.url(named: templateName))
        let event = try Event(name: "ESOCC", venue: "Arena", firstDay: "2027-03-09", dayCount: 3, timeZoneIdentifier: "Europe/London")
        for (given, family, native) in Self.longestNames {
            let delegate = Delegate(
                reference: "R-1", givenName: given, familyName: family, nativeName: native,
                organisation: "Ministry of Internal Affairs of the Republic of Belarus, Department of Border Security", country: "BY",
                category: "DEL")
            let content = BadgeContent(delegate: delegate, event: event, categories: [], code: "LY1:TEST")
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("fit-\(UUID().uuidString).png")
            defer { try? FileManager.default.removeItem(at: url) }
            let fits = try BadgeRenderer(template: template).render(content, format: .png(dpi: 150), to: url)
            #expect(fits.contains { $0.element == "{name}" })
            for fit in fits {
                let (box, ink) = (fit.box, fit.ink)
                #expect(ink.x >= box.x - 0.3 && ink.x + ink.width <= box.x + box.width + 0.3, "\(templateName) \(family) \(fit.text): \(ink) outside \(box)")
                #expect(ink.y >= box.y - 0.6 && ink.y + ink.height <= box.y + box.height + 0.6, "\(templateName) \(family): \(ink) outside \(box)")
            }
        }
    }

    @Test func aNameTooLongForItsBoxShrinksWrapsThenIsEllipsisedAndSaysSo() throws {
        let template = try BadgeTemplate(contentsOf: BadgeTemplates.url(named: "dymo-89x36"))
        let event = try Event(name: "E", venue: "V", firstDay: "2027-03-09", dayCount: 1, timeZoneIdentifier: "UTC")
        let delegate = Delegate(
            reference: "R-1", givenName: String(repeating: "Maximiliana ", count: 8), familyName: "Wolfeschlegelsteinhausenbergerdorff",
            category: "DEL")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fit-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: url) }
        let fits = try BadgeRenderer(template: template).render(
            BadgeContent(delegate: delegate, event: event, categories: [], code: "LY1:TEST"), format: .png(dpi: 300), to: url)
        let name = try #require(fits.first { $0.element == "{name}" })
        #expect(name.adjustments == [.shrunk, .wrapped, .ellipsized])
        #expect(name.points == template.elements.compactMap { if case .text(let t) = $0, t.format == "{name}" { t.minimumSize } else { nil } }.first)
    }

    @Test func aTemplateErrorNamesTheFileTheElementAndTheReason() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [(String, String)] = [
            ("  - text: \"{nickname}\"\n    box: {x: 1, y: 1, width: 10, height: 5}\n", "field “nickname” is unknown"),
            ("  - text: \"{name}\"\n    box: {x: 90, y: 1, width: 20, height: 5}\n", "outside"),
            ("  - text: \"{name}\"\n    font: No Such Font Family\n    box: {x: 1, y: 1, width: 10, height: 5}\n", "not installed"),
        ]
        for (index, (element, reason)) in cases.enumerated() {
            let url = folder.appendingPathComponent("bad-\(index).yaml")
            try "name: bad\nlabel: {width: 100, height: 60}\nelements:\n\(element)".write(to: url, atomically: true, encoding: .utf8)
            let error = #expect(throws: LanyardError.self) { try BadgeTemplate(contentsOf: url) }
            #expect(error?.message.contains("bad-\(index).yaml") == true)
            #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
        }
    }

    @Test func aQRBoxTooSmallForHalfMillimetreModulesIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("tiny.yaml")
        try "name: tiny\nlabel: {width: 50, height: 30}\ndpi: 203\nelements:\n  - qr: {x: 1, y: 1, size: 15}\n".write(to: url, atomically: true, encoding: .utf8)
        let template = try BadgeTemplate(contentsOf: url)
        let code = String(repeating: "A", count: 150)
        let error = #expect(throws: LanyardError.self) {
            try BadgeRenderer(template: template).render(
                BadgeContent(fields: [:], category: "DEL", code: code), format: .pdf, to: folder.appendingPathComponent("t.pdf"))
        }
        #expect(error?.message.contains("0.5 mm") == true)
    }
}
