import Attendance
import DoorRules
import Foundation
import Hummingbird
import HummingbirdTesting
import LanyardTestSupport
import NIOCore
import Roster
import RosterStore
import Station
import Testing

/// The organiser's reports and the dashboard's figures through the API: the roll-call PDF names exactly the people on
/// site (read back with pdftotext), CSVs are neutralised, and the dashboard counts what happened.
@Suite struct ReportTests {
    static func venue() async throws -> ServerFixture {
        try await ServerFixture {
            $0.doors = [Door(name: "Exit", place: .area(name: "Venue", capacity: nil), isSiteExit: true)]
        }
    }

    @Test func theRollCallPDFListsExactlyThePeopleOnSite() async throws {
        let fixture = try await Self.venue()
        let codes = try BusyStore.arrivals(4, at: fixture.station)
        let door = try await fixture.station.door(named: "Exit")
        // One of the four goes in and then out through the site exit: three are on site.
        _ = try await door.scan(codes[3], direction: .in)
        _ = try await door.scan(codes[3], direction: .out)
        await door.flush()
        let onSite = Set(try await fixture.station.rollCall().people.map(\.reference))
        // Everyone on the roster: one who left, and those who never came, must not be listed either.
        let everyone = try fixture.station.database.delegates().map(\.reference)
        #expect(onSite.count == 3)
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/reports/roll-call.pdf", method: .get, headers: fixture.headers(.organiser))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/pdf")
            let text = try Self.pdfText(Data(response.body.readableBytesView), in: fixture)
            let listed = Set(everyone.filter { text.contains($0) })
            #expect(listed == onSite)
            #expect(text.contains("3 on site"))
        }
    }

    @Test(arguments: ["attendance", "roll-call", "no-shows", "audit"])
    func aReportIsACSVFileWithFormulaCellsNeutralised(_ name: String) async throws {
        let fixture = try await Self.venue()
        _ = try BusyStore.arrivals(2, at: fixture.station)
        // A name a spreadsheet would run as a formula, on someone on site and on someone who has not come.
        for reference in ["ESOCC-00012", "ESOCC-00014"] {
            _ = try fixture.station.database.correctName(
                of: reference, to: PersonNameFields(givenName: "=HYPERLINK(1)", familyName: "Müller"), station: "desk-1", staff: "desk")
        }
        _ = try fixture.station.database.checkIn(reference: "ESOCC-00012", station: "desk-1")
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/reports/\(name).csv", method: .get, headers: fixture.headers(.organiser))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(response.headers[.contentDisposition]?.contains("attachment; filename=\"\(name)-desk-1-") == true)
            let text = String(buffer: response.body)
            #expect(text.hasSuffix("\r\n"))
            #expect(!text.contains(",\"=") && !text.contains("\n\"="), "a formula cell reaches the spreadsheet")
            #expect(!["roll-call", "no-shows"].contains(name) || text.contains("'=HYPERLINK"))
        }
    }

    @Test func theDashboardCountsCheckInsDenialsAndSessionsAndItsDrillDownListsTheDelegates() async throws {
        let fixture = try await Self.venue()
        let codes = try BusyStore.arrivals(2, at: fixture.station)
        let door = try await fixture.station.door(named: "Exit")
        _ = try await door.scan(codes[0], direction: .in)
        _ = try await door.scan(codes[0], direction: .in)
        await door.flush()
        let dashboard = try await fixture.station.dashboard()
        #expect(dashboard.totals.checkedIn == 2)
        #expect(dashboard.totals.onSite == 2)
        #expect(dashboard.deniedByReason.map(\.key) == ["already-inside"])
        #expect(dashboard.arrivalsChart.contains("data-total=\"2\""))
        let category = try #require(
            try fixture.station.database.delegate(try #require(try fixture.station.database.logEntries(kind: .checkIn).first?.reference)).category)
        let list = try await fixture.station.attendees(.category(category))
        #expect(list.attendees.filter { $0.status == .onSite }.count >= 1)
        #expect(list.attendees.allSatisfy { $0.category == category })
        #expect(list.attendees.first?.status == .onSite, "on site first")

        let arrived = try #require(try fixture.station.database.logEntries(kind: .checkIn).first?.reference)
        let delegate = try fixture.station.database.delegate(arrived)
        let country = try await fixture.station.attendees(.country(delegate.country))
        #expect(country.attendees.allSatisfy { $0.country == delegate.country })
        #expect(country.attendees.first { $0.reference == arrived }?.status == .onSite)
        let session = try #require(delegate.sessions.first)
        let registered = try await fixture.station.attendees(.session(session))
        #expect(registered.attendees.contains { $0.reference == arrived })
        #expect(registered.attendees.allSatisfy { $0.status != .inside }, "nobody went into \(session)")
    }

    @Test func theDashboardShowsARoomNearItsCapacityTheNoShowsAndWhenEachStationWasLastHeardFrom() async throws {
        let fixture = try await Self.venue()
        let day = fixture.station.event.arrivalDay(at: Date())
        // A room of ten seats open all day: eight inside is under 90 %, nine is near capacity, ten is full.
        let room = Session(code: "T1", day: day, start: "00:00", end: "23:59", title: "Small room", room: "Room T", capacity: 10, access: .all)
        _ = try fixture.station.database.apply(sessions: [room], delegates: [])
        let codes = try BusyStore.arrivals(10, at: fixture.station)
        let door = try await fixture.station.door(session: "T1")
        func figures() async throws -> DashboardView.SessionFigures {
            await door.flush()
            return try #require(try await fixture.station.dashboard().sessions.first { $0.code == "T1" })
        }
        for code in codes.prefix(8) { #expect(try await door.scan(code, direction: .in).decision.isAdmitted) }
        var small = try await figures()
        #expect((small.entries, small.occupancy, small.isNearCapacity, small.isFull) == (8, 8, false, false))
        _ = try await door.scan(codes[8], direction: .in)
        small = try await figures()
        #expect((small.occupancy, small.isNearCapacity, small.isFull) == (9, true, false))
        _ = try await door.scan(codes[9], direction: .in)
        small = try await figures()
        #expect((small.occupancy, small.isNearCapacity, small.isFull) == (10, true, true))

        let dashboard = try await fixture.station.dashboard()
        #expect(dashboard.totals.checkedIn == 10)
        #expect(dashboard.totals.noShows == dashboard.totals.expected - 10)
        // The station that checked them in (the one serving the dashboard), heard from just now.
        let desk = try #require(dashboard.stations.first { $0.name == fixture.station.name })
        #expect(abs(desk.lastContact.timeIntervalSinceNow) < 60)
        #expect(desk.isThisStation)
    }

    /// The text of a PDF, as pdftotext reads it.
    static func pdfText(_ pdf: Data, in fixture: ServerFixture) throws -> String {
        let file = fixture.stations.folder.url.appendingPathComponent("report-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [file.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: text, as: UTF8.self)
    }
}
