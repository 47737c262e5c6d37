import Badges
import DoorRules
import Foundation
import LanyardTestSupport
import Roster
import RosterStore
import Server
import Station
import Testing

/// The door screen in a real headless Chromium on a 10-inch tablet, a keyboard-wedge scanner typing into it.
extension PageTests {
    @Test func aDoorAdmitsABadgeDeniesItAgainDeniesAForgedCodeSaysSoWhenItLosesItsStationAndWorksAgainWhenItIsBack() async throws {
        let fixture = try await ServerFixture { $0.doors = [Door(name: "Main entrance", place: .area(name: "Venue", capacity: 800))] }
        let arrivals = try BusyStore.arrivals(2, at: fixture.station)
        let code = arrivals[0]
        let token = try BadgeToken(parsing: code)
        var claims = token.claims
        claims.reference = "ESOCC-00012"
        let forged = BadgeToken(claims: claims, signature: token.signature).text
        try await Browser.session(width: 1280, height: 800) { browser in
            let port = try await fixture.serving { port, _ in
                try await Self.signIn(browser, port: port, as: .door)
                try await browser.element("[data-door='Main entrance']")
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("door-picker-tablet-1280x800.png"))
                try await browser.click("[data-door='Main entrance']")
                try await browser.wait("the station's stream") { try await browser.attribute("data-connection", of: "body") == "online" }
                // Count the tones the page plays (the headless browser has an audio context but no speaker).
                _ = try await browser.execute(
                    """
                    window.lanyardTones = 0;
                    const oscillator = AudioContext.prototype.createOscillator;
                    AudioContext.prototype.createOscillator = function () { window.lanyardTones += 1; return oscillator.call(this); };
                    return true
                    """)
                try await Self.scan(code, at: browser, expecting: "ADMIT")
                #expect(try await browser.execute("return window.lanyardTones") as? Int == 0, "no sound on ADMIT")
                #expect(try await browser.text("[data-testid=verdict-name]").isEmpty == false)
                // The steward touches the screen: the scanner's field has the focus again, no click on it needed.
                _ = try await browser.execute("document.activeElement.blur(); return true")
                try await browser.click("[data-testid=verdict]")
                let focused = try await browser.execute("return document.activeElement?.dataset.testid ?? ''") as? String
                #expect(focused == "scan-input", "a touch anywhere gives the scanner's field the focus back")
                #expect(try await browser.text("[data-testid=occupancy]").contains("1 / 800"))
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("door-admit-tablet-1280x800.png"))

                try await Self.scan(code, at: browser, expecting: "DENY")
                #expect(try await browser.attribute("data-reason", of: "[data-testid=verdict-view]") == "already-inside")
                #expect(try await browser.execute("return window.lanyardTones") as? Int == 2, "two low tones on DENY")
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("door-deny-tablet-1280x800.png"))

                try await Self.scan(forged, at: browser, expecting: "DENY")
                #expect(try await browser.attribute("data-reason", of: "[data-testid=verdict-view]") == "bad-signature")
                #expect(try await browser.text("[data-testid=verdict-name]").isEmpty, "a forged code names nobody")
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("door-forged-tablet-1280x800.png"))
                return port
            }
            // The station is gone: the whole screen says so, and a scan made now is never shown as admitted.
            try await browser.wait("the offline screen") { try await browser.attribute("hidden", of: "[data-testid=offline]") == nil }
            try await browser.type(code + Browser.Key.enter, into: "[data-testid=scan-input]")
            try await browser.wait("the unchecked scan") { try await browser.attribute("hidden", of: "[data-testid=offline-scan]") == nil }
            #expect(try await browser.text("[data-testid=verdict]") != "ADMIT")
            try await browser.screenshot(to: Self.screenshots.appendingPathComponent("door-offline-tablet-1280x800.png"))

            // The station is back on its address: the page finds it by itself and decides again.
            try await fixture.serving(.init(port: port)) { _, _ in
                try await browser.wait("the station back", timeout: .seconds(30)) {
                    try await browser.attribute("data-connection", of: "body") == "online"
                }
                #expect(try await browser.attribute("hidden", of: "[data-testid=offline]") != nil)
                try await Self.scan(arrivals[1], at: browser, expecting: "ADMIT")
            }
        }
        await fixture.station.flushDoors()
        let verdicts = try fixture.station.database.logEntries(kind: .scan).compactMap { $0.details.scan?.reason }
        #expect(verdicts == ["admitted", "already-inside", "bad-signature", "admitted"])
    }

    @Test func aStewardAnnulsTheirMistakenScanFromTheDoorScreenAndTheBadgeGoesInAgain() async throws {
        let fixture = try await ServerFixture { $0.doors = [Door(name: "Main entrance", place: .area(name: "Venue", capacity: 800))] }
        let code = try BusyStore.arrivals(1, at: fixture.station)[0]
        try await fixture.serving { port, _ in
            try await Browser.session(width: 1280, height: 800) { browser in
                try await browser.open("http://127.0.0.1:\(port)/signin")
                try await browser.type("door", into: "[data-testid=signin-name]")
                try await browser.type(ServerFixture.passwords[.door]! + Browser.Key.enter, into: "[data-testid=signin-password]")
                try await browser.click("[data-door='Main entrance']")
                try await browser.wait("the station's stream") { try await browser.attribute("data-connection", of: "body") == "online" }
                try await Self.scan(code, at: browser, expecting: "ADMIT")
                try await browser.click("[data-testid=annul]")
                try await browser.wait("the annulment") { try await browser.text("[data-testid=verdict]") == "READY" }
                #expect(try await browser.text("[data-testid=occupancy]").contains("0 / 800"))
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("door-annulled-tablet-1280x800.png"))
                try await Self.scan(code, at: browser, expecting: "ADMIT")
            }
        }
        #expect(try fixture.station.database.logEntries(kind: .scanAnnulled).count == 1)
        #expect(try fixture.station.database.occupancy(of: "Venue") == 1)
    }

    @Test func aDoorsScreenShowsTheStationsOwnScannerAndCountsScansAtTheRoomsOtherDoors() async throws {
        // The scanner is a pseudo-terminal pair: the station opens one side as it would /dev/ttyACM0, the test writes
        // what a scanner sends on the other. (No USB serial device exists here.)
        let terminal = try PseudoTerminal()
        let device = terminal.path
        let fixture = try await ServerFixture {
            $0.doors = [
                Door(name: "Main entrance", place: .area(name: "Venue", capacity: 800)),
                Door(name: "Side entrance", place: .area(name: "Venue", capacity: 800)),
            ]
            $0.scanner = ScannerSettings(device: device, door: "Main entrance")
        }
        let codes = try BusyStore.arrivals(2, at: fixture.station)
        try await fixture.serving { port, _ in
            try await Browser.session(width: 1280, height: 800) { browser in
                try await browser.open("http://127.0.0.1:\(port)/door?door=Main%20entrance")
                try await browser.type("door", into: "[data-testid=signin-name]")
                try await browser.type(ServerFixture.passwords[.door]! + Browser.Key.enter, into: "[data-testid=signin-password]")
                try await browser.wait("the station's stream") { try await browser.attribute("data-connection", of: "body") == "online" }
                terminal.send(codes[0] + "\r\n")
                try await browser.wait("the scanner's verdict") { try await browser.text("[data-testid=verdict]") == "ADMIT" }
                #expect(try await browser.text("#verdict-time").contains("station scanner"))
                #expect(try await browser.count("[data-testid=annul]:not([hidden])") == 0, "a steward annuls only their own scans")
                #expect(try await fixture.station.door(named: "Side entrance").scan(codes[1]).decision.isAdmitted)
                try await browser.wait("the count after the side entrance's scan") {
                    try await browser.text("[data-testid=occupancy]").contains("2 / 800")
                }
                #expect(try await browser.text("[data-testid=verdict-name]") != "", "another door's scan leaves the verdict shown")
            }
        }
    }

    /// Types `code` as a keyboard-wedge scanner does and waits for the verdict. When the page lost its station
    /// meanwhile (a loaded test machine can stall the station past the page's limits), it scans again once the station
    /// is back, as the offline screen tells the steward to: the page resends the scan's nonce, so it is decided once.
    static func scan(_ code: String, at browser: Browser, expecting verdict: String) async throws {
        for _ in 0..<3 {
            try await browser.type(code + Browser.Key.enter, into: "[data-testid=scan-input]")
            do {
                try await browser.wait("\(verdict) or the offline screen", timeout: .seconds(30)) {
                    if try await browser.text("[data-testid=verdict]") == verdict { return true }
                    return try await browser.attribute("hidden", of: "[data-testid=offline]") == nil
                }
            } catch {
                try await browser.screenshot(to: screenshots.appendingPathComponent("door-failed.png"))
                let shown = try await browser.text("[data-testid=verdict-view]")
                throw Browser.Failure(description: "The door never showed \(verdict); it shows: \(shown)")
            }
            if try await browser.text("[data-testid=verdict]") == verdict { return }
            try await browser.wait("the station back", timeout: .seconds(30)) {
                try await browser.attribute("data-connection", of: "body") == "online"
            }
        }
        try await browser.screenshot(to: screenshots.appendingPathComponent("door-failed.png"))
        throw Browser.Failure(description: "The door never showed \(verdict).")
    }
}
