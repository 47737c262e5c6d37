import Badges
import Foundation
import LanyardTestSupport
import Printing
import Roster
import RosterStore
import Station
import Testing

/// The desk and the kiosk in a real headless Chromium against a live station, a private cupsd and a stand-in
/// label printer: what comes out of the printer is read back and verified. Screenshots of each page are kept in
/// `.build/test-artefacts/screenshots` to be looked at.
@Suite(.serialized) struct PageTests {
    static let screenshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/test-artefacts/screenshots")

    /// A station printing on a stand-in printer through a private cupsd.
    final class PrintingStation: Sendable {
        let cups: PrivateCUPS
        let printer: FakeLabelPrinter
        let fixture: ServerFixture

        init() async throws {
            cups = try PrivateCUPS()
            printer = try FakeLabelPrinter()
            try cups.addQueue("desk1", uri: printer.uri)
            let server = cups.server
            fixture = try await ServerFixture {
                $0.printers = PrinterRoute("desk1")
                $0.cupsServer = server
            }
        }

        /// The one badge the printer received, read back and verified: the delegate it names.
        func printedBadge() async throws -> String? {
            let deadline = Date().addingTimeInterval(20)
            while printer.documents.isEmpty && Date() < deadline { try await Task.sleep(for: .milliseconds(200)) }
            guard let document = printer.documents.first else { return nil }
            let pdf = fixture.stations.folder.url.appendingPathComponent("printed.pdf")
            try document.write(to: pdf)
            guard let code = try QRReader.codes(inPDF: pdf).first else { return nil }
            let check = try fixture.station.desk.check(code)
            return check.isValid ? check.claims?.reference : nil
        }
    }

    static func signIn(_ browser: Browser, port: Int, as role: StaffRole) async throws {
        try await browser.open("http://127.0.0.1:\(port)/signin")
        try await browser.type(role.rawValue, into: "[data-testid=signin-name]")
        try await browser.type(ServerFixture.passwords[role]! + Browser.Key.enter, into: "[data-testid=signin-password]")
    }

    @Test func aDeskFindsANameTypedInAnotherScriptPicksItWithTheKeyboardAndItsBadgeComesOutAndVerifies() async throws {
        let station = try await PrintingStation()
        try await station.fixture.serving { port, _ in
            try await Browser.session { browser in
                try await Self.signIn(browser, port: port, as: .desk)
                try await browser.element("[data-testid=search]")
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("desk-empty-1366x768.png"))
                // Yuriy Shevchenko is registered in Latin letters only; the desk types his name in Cyrillic.
                try await browser.type("Шевченко Юр", into: "[data-testid=search]")
                try await browser.wait("the results") { try await browser.count("[data-testid=result]") > 0 }
                #expect(try await browser.attribute("data-reference", of: "[data-testid=result]") == "ESOCC-00229")
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("desk-results-1366x768.png"))
                try await browser.type(Browser.Key.enter, into: "[data-testid=search]")
                try await browser.wait("the card") { try await browser.attribute("data-reference", of: "[data-testid=card]") == "ESOCC-00229" }
                // Check in & print, from the keyboard.
                try await browser.execute("document.activeElement.blur()")
                try await browser.type("c", into: "body")
                try await browser.wait("the badge to print", timeout: .seconds(40)) {
                    try await browser.attribute("data-state", of: "[data-testid=print-status]") == "printed"
                }
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("desk-printed-1366x768.png"))
                try await browser.resize(width: 1280, height: 800)
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("desk-card-tablet-1280x800.png"))
            }
        }
        #expect(try await station.printedBadge() == "ESOCC-00229")
        #expect(try station.fixture.station.database.logEntries(kind: .checkIn, reference: "ESOCC-00229").map(\.staff) == ["desk"])
    }

    @Test func aKioskTakesADelegateFromTheirTypedReferenceToAPrintedBadge() async throws {
        let station = try await PrintingStation()
        try await station.fixture.serving { port, _ in
            try await Browser.session(width: 1280, height: 800) { browser in
                try await Self.signIn(browser, port: port, as: .kiosk)
                try await browser.element("[data-testid=kiosk-reference]")
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("kiosk-start-tablet-1280x800.png"))
                try await browser.type("esocc-00012", into: "[data-testid=kiosk-reference]")
                try await browser.type("Müller", into: "[data-testid=kiosk-family]")
                try await browser.click("[data-testid=kiosk-continue]")
                try await browser.wait("the card") { try await browser.text("[data-testid=kiosk-name]") == "Séverine Müller" }
                try await browser.wait("the preview") {
                    (try await browser.execute("return document.querySelector('[data-testid=kiosk-preview]').naturalWidth") as? Int ?? 0) > 0
                }
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("kiosk-card-tablet-1280x800.png"))
                try await browser.click("[data-testid=kiosk-checkin]")
                try await browser.wait("the badge to print", timeout: .seconds(40)) {
                    try await browser.attribute("data-state", of: "[data-testid=kiosk-status]") == "printed"
                }
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("kiosk-printed-tablet-1280x800.png"))
            }
        }
        #expect(try await station.printedBadge() == "ESOCC-00012")
    }

    @Test func aFlaggedDelegateIsCheckedInAtTheDeskOnlyOnceTheFlagIsAcknowledged() async throws {
        let fixture = try await ServerFixture()
        _ = try await fixture.station.flag("ESOCC-00014", note: "See the supervisor before handing over the badge", by: "organiser")
        try await fixture.serving { port, _ in
            try await Browser.session { browser in
                try await Self.signIn(browser, port: port, as: .desk)
                try await browser.type("ESOCC-00014", into: "[data-testid=search]")
                try await browser.wait("the result") { try await browser.count("[data-testid=result]") > 0 }
                try await browser.type(Browser.Key.enter, into: "[data-testid=search]")
                try await browser.wait("the card") { try await browser.attribute("data-reference", of: "[data-testid=card]") == "ESOCC-00014" }
                try await browser.click("[data-testid=checkin]")
                try await browser.wait("the flags") { try await browser.text("[data-testid=flags]").contains("See the supervisor") }
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("desk-flag-1366x768.png"))
                #expect(try fixture.station.database.logEntries(kind: .checkIn, reference: "ESOCC-00014").isEmpty)
                try await browser.click("[data-testid=acknowledge]")
                try await browser.wait("the check-in", timeout: .seconds(20)) {
                    !(try fixture.station.database.logEntries(kind: .checkIn, reference: "ESOCC-00014").isEmpty)
                }
            }
        }
        #expect(try fixture.station.database.logEntries(kind: .flagAcknowledged, reference: "ESOCC-00014").count == 1)
    }

    @Test func aWalkInRegisteredAtTheDeskCanBeCheckedInAndTheMistakeUndoneWithItsBadgeWithdrawn() async throws {
        let fixture = try await ServerFixture()
        try await fixture.serving { port, _ in
            try await Browser.session { browser in
                try await Self.signIn(browser, port: port, as: .desk)
                try await browser.click("[data-testid=walkin]")
                try await browser.type("Ana", into: "[data-testid=walkin-given]")
                try await browser.type("Popescu", into: "[data-testid=walkin-family]")
                try await browser.type("ro", into: "[data-testid=walkin-country]")
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("desk-walkin-1366x768.png"))
                try await browser.click("[data-testid=walkin-save]")
                try await browser.wait("the walk-in's card") {
                    try await browser.attribute("data-reference", of: "[data-testid=card]") == "WALKIN-0001"
                }
                try await browser.click("[data-testid=checkin]")
                try await browser.wait("the undo button") { try await browser.count("[data-testid=undo]") > 0 }
                try await browser.click("[data-testid=undo]")
                try await browser.type("pressed by mistake", into: "[data-testid=undo-reason]")
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("desk-undo-1366x768.png"))
                try await browser.click("[data-testid=undo-confirm]")
                try await browser.wait("the undo") {
                    !(try fixture.station.database.logEntries(kind: .checkInUndone, reference: "WALKIN-0001").isEmpty)
                }
            }
        }
        let database = fixture.station.database
        #expect(try database.logEntries(kind: .walkIn, reference: "WALKIN-0001").map(\.staff) == ["desk"])
        #expect(try database.delegate("WALKIN-0001").country == "RO")
        let job = try #require(try database.printJobs(for: "WALKIN-0001").first)
        #expect(job.state == .failed)
        #expect(try database.currentBadge(for: "WALKIN-0001") == nil)
    }

    @Test func theSignInPageLooksRightOnALaptopAndATablet() async throws {
        let fixture = try await ServerFixture()
        try await fixture.serving { port, _ in
            try await Browser.session { browser in
                try await browser.open("http://127.0.0.1:\(port)/signin")
                try await browser.element("[data-testid=signin-name]")
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("signin-1366x768.png"))
                try await browser.type("desk", into: "[data-testid=signin-name]")
                try await browser.type("wrong password" + Browser.Key.enter, into: "[data-testid=signin-password]")
                try await browser.wait("the error") { !(try await browser.text("[data-testid=signin-error]")).isEmpty }
                #expect(try await browser.text("[data-testid=signin-error]").contains("do not match"))
                try await browser.resize(width: 1280, height: 800)
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("signin-error-tablet-1280x800.png"))
            }
        }
    }
}
