import Foundation
import Hummingbird
import LanyardTestSupport
import Logging
import Roster
import RosterStore
import ServiceLifecycle
import Station
import Sync
import Synchronization
import Testing

/// A hub pulling its roster from the registration system: a stand-in export server on loopback (a real HTTP server)
/// whose export changes between pulls, answers 304 to a copy the hub has, and once serves a broken copy.
@Suite struct UpstreamTests {
    @Test func aHubPullsNewChangedAndCancelledRegistrationsSkipsAnUnchangedCopyAndRejectsABrokenOneWhole() async throws {
        let fixture = try await ServerFixture()
        let station = fixture.station
        _ = try await station.correctName("ESOCC-00013", to: PersonNameFields(givenName: "Neil", familyName: "MacAllister"))
        let first = try StandInExport.sampleConference { lines in
            lines.append("ESOCC-09001,Ms,Irena,Kovač,,Europol,NL,DEL,irena.kovac@example.eu,A1,1;2,confirmed")
            lines[12] = lines[12].replacingOccurrences(of: "Police cantonale vaudoise", with: "Police cantonale du Valais")
            lines[1] = lines[1].replacingOccurrences(of: ",confirmed", with: ",cancelled")
        }
        let broken = try StandInExport.sampleConference { lines in
            lines.append("ESOCC-09002,Mr,Broken,Row,,Nowhere,XX,NOSUCHCATEGORY,not-an-email,Z9,7,confirmed")
            lines[2] = lines[2].replacingOccurrences(of: ",confirmed", with: ",cancelled")
        }
        let upstream = StandInExport(body: first, etag: "\"v1\"")
        try await upstream.serving { port in
            let puller = UpstreamPuller(
                station: station, source: UpstreamSource(url: URL(string: "http://127.0.0.1:\(port)/export.csv")!), logger: Logger(label: "test"))
            let imported = await puller.pull()
            #expect(imported.outcome == .imported, "\(imported.problem ?? "")")
            #expect(imported.added == 1 && imported.updated == 1 && imported.cancelled == 1)
            #expect(try station.database.delegate("ESOCC-09001").familyName == "Kovač")
            #expect(try station.database.delegate("ESOCC-00012").organisation == "Police cantonale du Valais")
            #expect(try station.database.delegate("ESOCC-00001").status == .cancelled)
            #expect(try station.database.delegate("ESOCC-00013").familyName == "MacAllister", "a name corrected on site stands")

            let again = await puller.pull()
            #expect(again.outcome == .unchanged)
            #expect(upstream.notModifiedAnswers == 1, "the hub asked with the copy's ETag and got 304")

            let revision = try station.database.rosterRevision()
            upstream.replace(body: broken, etag: "\"v2\"")
            let rejected = await puller.pull()
            #expect(rejected.outcome == .rejected)
            #expect(rejected.problem?.contains("ESOCC-09002") == true, "\(rejected.problem ?? "")")
            #expect(try station.database.rosterRevision() == revision, "a broken copy changes nothing")
            #expect(try station.database.delegate("ESOCC-00002").status == .confirmed)
            #expect(try await puller.last()?.outcome == .rejected)
            let stillBroken = await puller.pull()
            #expect(stillBroken.outcome == .rejected && stillBroken.etag == "\"v2\"", "the same broken copy is rejected again")
            #expect(upstream.notModifiedAnswers == 1, "a rejected copy's ETag is not kept as the copy the hub has")

            // The source fixed: the next pull asks without the rejected copy's ETag, and takes it.
            upstream.replace(body: first + "ESOCC-09003,Mr,Jonas,Petraitis,,FNTT,LT,DEL,jonas@example.lt,,1,confirmed\n", etag: "\"v3\"")
            #expect(await puller.pull().added == 1)
        }
    }

    @Test func aFlagTheRegistrationSystemSetsIsLoggedAsMadeAtThePullingHubSoThatItSyncsAsItsEntry() async throws {
        let fixture = try await ServerFixture()
        let export = """
            reference,given_name,family_name,category,status,flag
            ESOCC-09001,Irena,Kovač,DEL,confirmed,Collect the speaker's gift at the desk
            """
        let upstream = StandInExport(body: export + "\n", etag: "\"f1\"")
        try await upstream.serving { port in
            let source = UpstreamSource(url: URL(string: "http://127.0.0.1:\(port)/export.csv")!)
            let pull = await UpstreamPuller(station: fixture.station, source: source, logger: Logger(label: "test")).pull()
            #expect(pull.outcome == .imported, "\(pull.problem ?? "")")
        }
        let flagged = try fixture.station.database.logEntries(kind: .flagged, reference: "ESOCC-09001")
        #expect(flagged.map(\.station) == [fixture.station.name], "the hub's own entry, which it pushes like any other")
        #expect(flagged.first?.staff == "import" && flagged.first?.sequence != nil)
    }

    @Test func aHubStartedSoonAfterTheLastPullWaitsForTheNextOneDueRatherThanPullAgain() async throws {
        let fixture = try await ServerFixture()
        let upstream = StandInExport(body: try StandInExport.sampleConference { _ in }, etag: "\"v1\"")
        try await upstream.serving { port in
            let source = UpstreamSource(url: URL(string: "http://127.0.0.1:\(port)/export.csv")!, interval: .seconds(60))
            let puller = UpstreamPuller(station: fixture.station, source: source, logger: Logger(label: "test"))
            _ = await puller.pull()
            #expect(upstream.copiesSent == 1)
            // The hub restarts (or another hub of the event starts its schedule): the next pull is a minute after this one.
            let restarted = UpstreamPuller(station: fixture.station, source: source, logger: Logger(label: "test"))
            let schedule = Task { try await restarted.run() }
            try await Task.sleep(for: .seconds(2))
            schedule.cancel()
            #expect(upstream.copiesSent == 1 && upstream.notModifiedAnswers == 0, "the source was not asked again")
        }
    }

    @Test func aHubPullsAPaginatedJSONExportAsItPullsACSVOne() async throws {
        let fixture = try await ServerFixture()
        let upstream = StandInExport(body: "", etag: "\"j1\"", contentType: "application/json")
        try await upstream.serving { port in
            upstream.replace(
                body: """
                    {"next": "http://127.0.0.1:\(port)/page-2.json", "results": [{"reference": "ESOCC-09101", "first_name": "Ана",
                      "last_name": "Петрова", "organisation": "МВР", "country": "BG", "category": "DEL", "email": "ana@example.bg",
                      "sessions": ["A1", "B2"], "days": [1, 2], "status": "confirmed"}]}
                    """, etag: "\"j1\"")
            upstream.addPage(
                "page-2.json",
                """
                {"next": null, "results": [{"reference": "ESOCC-09102", "first_name": "Giorgi", "last_name": "Beridze",
                  "country": "GE", "category": "DEL", "email": "giorgi@example.ge", "days": [1], "status": "confirmed"}]}
                """)
            let puller = UpstreamPuller(
                station: fixture.station, source: UpstreamSource(url: URL(string: "http://127.0.0.1:\(port)/export.json")!),
                logger: Logger(label: "test"))
            let pull = await puller.pull()
            #expect(pull.outcome == .imported, "\(pull.problem ?? "")")
            let delegate = try fixture.station.database.delegate("ESOCC-09101")
            #expect(delegate.familyName == "Петрова" && delegate.sessions == ["A1", "B2"] && delegate.days == [1, 2])
            #expect(try fixture.station.database.delegate("ESOCC-09102").familyName == "Beridze", "the second page is taken too")
            #expect(pull.added == 2)
        }
    }

    @Test func aNextPageAtAnotherAddressIsRefusedAndNeverGetsTheToken() async throws {
        let fixture = try await ServerFixture()
        let elsewhere = Router()
        let asked = Mutex<[String]>([])
        elsewhere.get("page-2.json") { request, _ in
            asked.withLock { $0.append(request.headers[.authorization] ?? "") }
            return #"{"next": null, "results": []}"#
        }
        try await LoopbackServer.serving(elsewhere) { otherPort in
            let upstream = StandInExport(body: "", etag: "\"j1\"", contentType: "application/json")
            try await upstream.serving { port in
                upstream.replace(
                    body: """
                        {"next": "http://127.0.0.1:\(otherPort)/page-2.json", "results": [{"reference": "ESOCC-09101",
                          "first_name": "Ana", "last_name": "Petrova", "category": "DEL", "status": "confirmed"}]}
                        """, etag: "\"j1\"")
                let puller = UpstreamPuller(
                    station: fixture.station,
                    source: UpstreamSource(url: URL(string: "http://127.0.0.1:\(port)/export.json")!, token: "secret-upstream-token"),
                    logger: Logger(label: "test"))
                let pull = await puller.pull()
                #expect(pull.outcome == .rejected)
                #expect(pull.problem?.contains("is not at") == true, "\(pull.problem ?? "")")
                #expect((try? fixture.station.database.delegate("ESOCC-09101")) == nil, "nothing taken from a copy refused")
            }
        }
        #expect(asked.withLock { $0 }.isEmpty, "the other address was never asked, so never handed the token")
    }
}

/// A hub pulling from pretix's REST API: a stand-in serving the event's orders in pretix's JSON shapes, two orders a
/// page, filtered by `modified_since`.
@Suite struct PretixUpstreamTests {
    static func order(_ code: String, status: String, modified: String, positions: [(Int, String, String, String)]) -> [String: Any] {
        [
            "code": code, "status": status, "email": "buyer-\(code.lowercased())@example.eu", "locale": "en", "testmode": false,
            "datetime": "2027-01-10T09:00:00Z", "last_modified": modified, "total": "450.00",
            "positions": positions.map { id, given, family, country in
                [
                    "id": id * 10, "order": code, "positionid": id, "item": 25, "variation": NSNull(), "price": "450.00",
                    "attendee_name": "\(given) \(family)",
                    "attendee_name_parts": ["_scheme": "given_family", "given_name": given, "family_name": family],
                    "attendee_email": NSNull(), "company": "Policie ČR", "country": country, "secret": "s\(code)\(id)", "canceled": false,
                ] as [String: Any]
            },
        ]
    }

    @Test func aHubTakesPretixOrdersPageByPageThenOnlyThoseModifiedSinceItsLastPull() async throws {
        let fixture = try await ServerFixture()
        let old = "2026-01-10T09:00:00Z"
        let pretix = StandInPretix(orders: [
            Self.order("Q7RTX", status: "p", modified: old, positions: [(1, "Eva", "Nováková", "CZ"), (2, "Jan", "Novák", "CZ")]),
            Self.order("LM3KD", status: "p", modified: old, positions: [(1, "Γιώργος", "Παπαδόπουλος", "GR")]),
            Self.order("ZX81A", status: "n", modified: old, positions: [(1, "Անի", "Հակոբյան", "AM")]),
        ])
        try await pretix.serving { (base: String) async throws in
            let puller = UpstreamPuller(
                station: fixture.station, source: UpstreamSource(url: URL(string: base)!, kind: .pretix, token: "pretix-token"),
                logger: Logger(label: "test"))
            let first = await puller.pull()
            #expect(first.outcome == .imported, "\(first.problem ?? "")")
            #expect(first.added == 4 && first.rowsRead == 4, "four positions over two pages")
            #expect(try fixture.station.database.delegate("Q7RTX-2").familyName == "Novák")
            #expect(try fixture.station.database.delegate("LM3KD-1").familyName == "Παπαδόπουλος")
            #expect(try fixture.station.database.delegate("ZX81A-1").email == "buyer-zx81a@example.eu", "the order's e-mail stands in")

            let now = Date().formatted(Date.ISO8601FormatStyle())
            pretix.replace("LM3KD", with: Self.order("LM3KD", status: "c", modified: now, positions: [(1, "Γιώργος", "Παπαδόπουλος", "GR")]))
            pretix.replace("K9PQ2", with: Self.order("K9PQ2", status: "p", modified: now, positions: [(1, "Giorgi", "Beridze", "GE")]))
            let second = await puller.pull()
            #expect(second.outcome == .imported, "\(second.problem ?? "")")
            #expect(second.rowsRead == 2, "only the orders modified since the last pull")
            #expect(second.added == 1 && second.cancelled == 1)
            #expect(try fixture.station.database.delegate("LM3KD-1").status == .cancelled)
            #expect(try fixture.station.database.delegate("Q7RTX-1").status == .confirmed, "an order not sent again stays as it was")
            let asked = pretix.requests
            #expect(asked.first?.modifiedSince == nil && asked.last?.modifiedSince != nil)
            #expect(asked.allSatisfy { $0.authorization == "Token pretix-token" })
        }
    }
}

/// pretix's order list for one event on loopback: `GET /api/v1/organizers/esocc/events/2027/orders/?page=N
/// &modified_since=…`, two orders a page, with `count`, `next` and `previous` as pretix answers.
final class StandInPretix: Sendable {
    struct Asked: Sendable {
        let modifiedSince: String?
        let authorization: String?
    }

    private struct State: @unchecked Sendable {
        // @unchecked: JSON objects, only touched under the mutex.
        var orders: [[String: Any]]
        var requests: [Asked] = []
    }

    private let state: Mutex<State>

    init(orders: [[String: Any]]) {
        state = Mutex(State(orders: orders))
    }

    var requests: [Asked] { state.withLock { $0.requests } }

    /// Puts `order` in place of the order `code`, or adds it.
    func replace(_ code: String, with order: [String: Any]) {
        state.withLock { state in
            if let index = state.orders.firstIndex(where: { $0["code"] as? String == code }) {
                state.orders[index] = order
            } else {
                state.orders.append(order)
            }
        }
    }

    /// Serves the event while `body` runs, handing it the event's API URL.
    func serving(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.get("/api/v1/organizers/esocc/events/2027/orders/") { request, _ -> Response in
            let query = request.uri.queryParameters
            let since = query.get("modified_since")
            let page = Int(query.get("page") ?? "1") ?? 1
            let host = request.head.authority ?? "127.0.0.1"
            let json = try self.state.withLock { state -> Data in
                state.requests.append(Asked(modifiedSince: since, authorization: request.headers[.authorization]))
                let format = Date.ISO8601FormatStyle()
                let cut = since.flatMap { try? format.parse($0) }
                let matching = state.orders.filter { order in
                    guard let cut, let modified = (order["last_modified"] as? String).flatMap({ try? format.parse($0) }) else { return true }
                    return modified >= cut
                }
                let results = Array(matching.dropFirst((page - 1) * 2).prefix(2))
                var next: Any = NSNull()
                if page * 2 < matching.count {
                    var components = URLComponents(string: "http://\(host)/api/v1/organizers/esocc/events/2027/orders/")!
                    components.queryItems =
                        [URLQueryItem(name: "include_canceled_positions", value: "true"), URLQueryItem(name: "page", value: "\(page + 1)")]
                        + (since.map { [URLQueryItem(name: "modified_since", value: $0)] } ?? [])
                    next = components.url!.absoluteString
                }
                return try JSONSerialization.data(withJSONObject: ["count": matching.count, "next": next, "previous": NSNull(), "results": results])
            }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: json)))
        }
        try await LoopbackServer.serving(router) { port in try await body("http://127.0.0.1:\(port)/api/v1/organizers/esocc/events/2027/") }
    }
}
