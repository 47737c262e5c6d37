import AsyncHTTPClient
import Attendance
import Foundation
import LanyardTestSupport
import NIOCore
import NIOHTTP1
import Printing
import Roster
import RosterStore
import Station
import Testing

/// The organiser's dashboard in a real headless Chromium on a 1366×768 laptop: live without reloading, and a
/// figure opens the list behind it.
extension PageTests {
    @Test func aCheckInThroughTheAPIMovesTheDashboardWithinTwoSecondsAndEachFigureOpensItsDelegates() async throws {
        let fixture = try await ServerFixture()
        _ = try BusyStore.arrivals(3, at: fixture.station)
        try await fixture.serving { port, _ in
            try await Browser.session { browser in
                // The dashboard sends a visitor to sign in, and back.
                try await browser.open("http://127.0.0.1:\(port)/dashboard")
                try await browser.type("organiser", into: "[data-testid=signin-name]")
                try await browser.type(ServerFixture.passwords[.organiser]! + Browser.Key.enter, into: "[data-testid=signin-password]")
                try await browser.wait("the live dashboard") { try await browser.text("[data-testid=checked-in]") == "3" }
                let chart = "[data-testid=arrivals-chart] svg"
                #expect(try await browser.attribute("data-total", of: chart) == "3")

                // A mark on the page's window: a reload would lose it.
                _ = try await browser.execute("window.lanyardNotReloaded = true; return true")
                var checkIn = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/checkins")
                checkIn.method = .POST
                checkIn.headers.add(name: "Authorization", value: "Bearer \(fixture.tokens[.desk]!)")
                checkIn.headers.add(name: "Content-Type", value: "application/json")
                checkIn.body = .bytes(ByteBuffer(string: #"{"reference":"ESOCC-00012","print":false,"nonce":"dashboard-nonce-1"}"#))
                let sent = ContinuousClock.now
                #expect(try await HTTPClient.shared.execute(checkIn, timeout: .seconds(30)).status.code == 200)
                try await browser.wait("the new check-in on the dashboard", timeout: .seconds(2)) {
                    try await browser.text("[data-testid=checked-in]") == "4"
                }
                try await browser.wait("the new check-in on the chart", timeout: .seconds(2)) {
                    try await browser.attribute("data-total", of: chart) == "4"
                }
                #expect(ContinuousClock.now - sent < .seconds(2))
                #expect(try await browser.execute("return window.lanyardNotReloaded === true") as? Bool == true, "no reload")
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("dashboard-1366x768.png"))

                try await browser.click("[data-testid=categories] tr[data-key=DEL]")
                try await browser.wait("the category's delegates") { try await browser.count("[data-testid=drawer-rows] tr") > 0 }
                #expect(try await browser.count("[data-testid=drawer-rows] [data-status=on-site]") >= 1)
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("dashboard-drill-down-1366x768.png"))

                // Closed, then a country opens its delegates.
                try await browser.click("#drawer-close")
                try await browser.wait("the drawer closed") { try await browser.attribute("hidden", of: "#drawer") != nil }
                let british = try await fixture.station.attendees(.country("GB")).attendees.count
                try await browser.click("[data-testid=countries] tr[data-key=GB]")
                try await browser.wait("the country's delegates") { try await browser.count("[data-testid=drawer-rows] tr") == british }
                #expect(try await browser.text("#drawer-title").contains("United Kingdom"))

                // A country, then at once a session: the list shown is the session's, whichever answer comes first.
                _ = try await browser.execute(
                    """
                    document.querySelector('[data-testid=countries] tr[data-key]').click();
                    document.querySelector('[data-testid=sessions] tr[data-session=A1]').click();
                    """)
                try await browser.wait("the session's delegates") {
                    let title = try await browser.text("#drawer-title")
                    guard title.hasPrefix("A1") else { return false }
                    return try await browser.count("[data-testid=drawer-rows] tr") > 0
                }
                try await Task.sleep(for: .milliseconds(500))
                #expect(try await browser.text("#drawer-title").hasPrefix("A1"))
                let expected = try await fixture.station.attendees(.session("A1")).attendees.count
                #expect(try await browser.count("[data-testid=drawer-rows] tr") == expected)
            }
        }
    }
}

extension PageTests {
    @Test func theDashboardShowsAStoppedPrinterAndTheBadgeWaitingThenThePrinterReadyWithNothingWaiting() async throws {
        let cups = try PrivateCUPS()
        let printer = try FakeLabelPrinter()
        try cups.addQueue("desk1", uri: printer.uri)
        try cups.tool("cupsdisable", "-r", "Out of labels", "desk1")
        let server = cups.server
        let fixture = try await ServerFixture {
            $0.printers = PrinterRoute("desk1")
            $0.cupsServer = server
        }
        try await fixture.serving { port, _ in
            try await Browser.session(width: 1366, height: 900) { browser in
                try await browser.open("http://127.0.0.1:\(port)/dashboard")
                try await browser.type("organiser", into: "[data-testid=signin-name]")
                try await browser.type(ServerFixture.passwords[.organiser]! + Browser.Key.enter, into: "[data-testid=signin-password]")
                try await browser.wait("the live dashboard") { try await browser.text("[data-testid=checked-in]") == "0" }
                // The station's only printer is stopped: the badge of this check-in waits for one.
                _ = try await fixture.station.checkIn(.init(reference: "ESOCC-00012", print: true, nonce: "dashboard-printer-1"), by: "desk")
                try await browser.wait("the stopped printer and the badge waiting") {
                    let shown = try await browser.text("#printers")
                    return shown.contains("stopped: Out of labels") && shown.contains("1 badge waiting for a printer")
                }
                let stopped = try await fixture.station.dashboard()
                let desk1 = try #require(stopped.printers.first { $0.queue == "desk1" })
                #expect((desk1.usable, desk1.problem, desk1.waiting, stopped.unassignedPrintJobs) == (false, "stopped: Out of labels", 0, 1))
                _ = try await browser.execute("document.getElementById('printers').scrollIntoView(); return true")
                try await browser.screenshot(to: Self.screenshots.appendingPathComponent("dashboard-printer-stopped-1366x900.png"))

                // Labels loaded, the printer started: the badge prints and the dashboard says the printer is ready.
                try cups.tool("cupsenable", "desk1")
                try await browser.wait("the printer ready with nothing waiting", timeout: .seconds(60)) {
                    let shown = try await browser.text("#printers")
                    return shown.contains("ready") && shown.contains("0 waiting") && !shown.contains("waiting for a printer")
                }
                let deadline = Date().addingTimeInterval(30)
                while printer.documents.isEmpty && Date() < deadline { try await Task.sleep(for: .milliseconds(200)) }
                #expect(printer.documents.count == 1)
            }
        }
    }
}
