import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Roster
import RosterStore
import Station
import Testing

/// Who may do what: every endpoint, asked by nobody and by every role. Allowed roles get the endpoint's own
/// answer (a 404 where the table asks about something that does not exist); the others get 401 or 403 and change
/// nothing: no log entry, no delegate, no print job.
@Suite struct RoleTests {
    struct Endpoint: Sendable, CustomTestStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        let body: String?
        let allowed: Set<StaffRole>
        /// What an allowed role is answered; nil for the event stream, which never ends (the live server tests read
        /// it), so that only the refusals are checked here.
        let answer: HTTPResponse.Status?
        var testDescription: String { "\(method) \(path)" }

        init(
            _ method: HTTPRequest.Method, _ path: String, _ body: String? = nil, allowed: Set<StaffRole>, answer: HTTPResponse.Status? = .ok
        ) {
            self.method = method
            self.path = path
            self.body = body
            self.allowed = allowed
            self.answer = answer
        }
    }

    static let desk: Set<StaffRole> = [.desk, .organiser]
    static let endpoints: [Endpoint] = [
        Endpoint(.get, "/api/v1/delegates?q=muller", allowed: desk),
        Endpoint(.get, "/api/v1/delegates/ESOCC-00012", allowed: desk),
        Endpoint(.get, "/api/v1/delegates/ESOCC-00012/badge-preview", allowed: desk),
        Endpoint(.get, "/api/v1/categories", allowed: desk),
        Endpoint(.get, "/api/v1/event", allowed: desk),
        Endpoint(.get, "/api/v1/print-jobs/none", allowed: desk, answer: .notFound),
        // No CUPS runs for these tests: the station answers that its print system is down.
        Endpoint(.get, "/api/v1/printers", allowed: desk, answer: .serviceUnavailable),
        Endpoint(.get, "/api/v1/stream", allowed: desk, answer: nil),
        Endpoint(.post, "/api/v1/delegates", #"{"givenName":"Ana","familyName":"Popa","category":"DEL"}"#, allowed: desk, answer: .created),
        Endpoint(.put, "/api/v1/delegates/ESOCC-00014/name", #"{"givenName":"Grzegorz","familyName":"Brzęczyszczykiewicz"}"#, allowed: desk),
        Endpoint(.post, "/api/v1/checkins", #"{"reference":"ESOCC-00029","print":false,"nonce":"nonce-roles-1"}"#, allowed: desk),
        Endpoint(.post, "/api/v1/checkins/group", #"{"references":["ESOCC-00033"],"print":false,"nonce":"nonce-roles-2"}"#, allowed: desk),
        Endpoint(.post, "/api/v1/checkins/\(UUID())/undo", #"{"reason":"wrong person"}"#, allowed: desk, answer: .notFound),
        Endpoint(.post, "/api/v1/delegates/ESOCC-00012/revoke", #"{"reason":"lost"}"#, allowed: [.organiser], answer: .notFound),
        Endpoint(.post, "/api/v1/delegates/ESOCC-00012/reprint", #"{"reason":"lost","nonce":"nonce-roles-3"}"#, allowed: desk),
        Endpoint(.post, "/api/v1/delegates/ESOCC-00012/flags", #"{"note":"See the supervisor"}"#, allowed: [.organiser], answer: .created),
        Endpoint(.post, "/api/v1/kiosk/lookup", #"{"reference":"ESOCC-00012","familyName":"Müller"}"#, allowed: [.kiosk, .organiser]),
        Endpoint(.post, "/api/v1/kiosk/preview", #"{"reference":"ESOCC-00012","familyName":"Müller"}"#, allowed: [.kiosk, .organiser]),
        Endpoint(
            .post, "/api/v1/kiosk/checkin", #"{"reference":"ESOCC-00012","familyName":"Müller","nonce":"nonce-roles-4"}"#,
            allowed: [.kiosk, .organiser]),
        Endpoint(.get, "/api/v1/kiosk/print-jobs/none", allowed: [.kiosk, .organiser], answer: .notFound),
        Endpoint(.get, "/api/v1/doors", allowed: [.door, .organiser]),
        Endpoint(.get, "/api/v1/doors/A1/stream", allowed: [.door, .organiser], answer: nil),
        Endpoint(.post, "/api/v1/scans", #"{"door":"A1","code":"LYB1:forged","nonce":"nonce-roles-5"}"#, allowed: [.door, .organiser]),
        Endpoint(.post, "/api/v1/scans/\(UUID())/annul", #"{}"#, allowed: [.door, .organiser], answer: .notFound),
        Endpoint(.get, "/api/v1/dashboard", allowed: [.organiser]),
        Endpoint(.get, "/api/v1/dashboard/stream", allowed: [.organiser], answer: nil),
        Endpoint(.get, "/api/v1/attendance/delegates?category=DEL", allowed: [.organiser]),
        Endpoint(.get, "/api/v1/reports/attendance.csv", allowed: [.organiser]),
        Endpoint(.get, "/api/v1/reports/roll-call.csv", allowed: [.organiser]),
        Endpoint(.get, "/api/v1/reports/roll-call.pdf", allowed: [.organiser]),
        Endpoint(.get, "/api/v1/reports/no-shows.csv", allowed: [.organiser]),
        Endpoint(.get, "/api/v1/reports/audit.csv?day=1", allowed: [.organiser]),
    ]

    @Test(arguments: endpoints)
    func everyRoleGetsWhatItsRoleAllowsAndTheOthersChangeNothing(_ endpoint: Endpoint) async throws {
        let fixture = try await ServerFixture()
        let app = try await fixture.application()
        try await app.test(.router) { client in
            for role in [nil] + StaffRole.allCases {
                let allowed = role.map(endpoint.allowed.contains) ?? false
                if allowed && endpoint.answer == nil { continue }
                let before = try await Self.footprint(of: fixture)
                let response = try await client.execute(
                    uri: endpoint.path, method: endpoint.method, headers: fixture.headers(role, json: endpoint.body != nil),
                    body: endpoint.body.map { ByteBuffer(string: $0) })
                let who = role?.rawValue ?? "nobody"
                if allowed {
                    #expect(response.status == endpoint.answer, "\(who): \(response.status) \(String(buffer: response.body))")
                } else {
                    #expect(response.status == (role == nil ? .unauthorized : .forbidden), "\(who): \(response.status)")
                    #expect(try await Self.footprint(of: fixture) == before, "\(who) changed something")
                }
            }
        }
    }

    /// What a refused request must not change: the log (with the scans the doors hold), the roster, the print queue.
    private static func footprint(of fixture: ServerFixture) async throws -> [Int] {
        await fixture.station.flushDoors()
        let database = fixture.station.database
        return [try database.logEntries().count, try database.delegateCount(), try database.unfinishedPrintJobs().count]
    }
}
