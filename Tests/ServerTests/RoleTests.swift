import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Roster
import RosterStore
import Station
import Testing

/// Who may do what: every endpoint, asked by nobody and by every role. Allowed roles get their answer; the others
/// get 401 or 403 and change nothing.
@Suite struct RoleTests {
    struct Endpoint: Sendable, CustomTestStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        let body: String?
        let allowed: Set<StaffRole>
        var testDescription: String { "\(method) \(path)" }

        init(_ method: HTTPRequest.Method, _ path: String, _ body: String? = nil, allowed: Set<StaffRole>) {
            self.method = method
            self.path = path
            self.body = body
            self.allowed = allowed
        }
    }

    static let desk: Set<StaffRole> = [.desk, .organiser]
    static let endpoints: [Endpoint] = [
        Endpoint(.get, "/api/v1/delegates?q=muller", allowed: desk),
        Endpoint(.get, "/api/v1/delegates/ESOCC-00012", allowed: desk),
        Endpoint(.get, "/api/v1/delegates/ESOCC-00012/badge-preview", allowed: desk),
        Endpoint(.get, "/api/v1/categories", allowed: desk),
        Endpoint(.get, "/api/v1/event", allowed: desk),
        Endpoint(.get, "/api/v1/print-jobs/none", allowed: desk),
        Endpoint(.post, "/api/v1/delegates", #"{"givenName":"Ana","familyName":"Popa","category":"DEL"}"#, allowed: desk),
        Endpoint(.put, "/api/v1/delegates/ESOCC-00014/name", #"{"givenName":"Grzegorz","familyName":"Brzęczyszczykiewicz"}"#, allowed: desk),
        Endpoint(.post, "/api/v1/checkins", #"{"reference":"ESOCC-00029","print":false,"nonce":"nonce-roles-1"}"#, allowed: desk),
        Endpoint(.post, "/api/v1/checkins/group", #"{"references":["ESOCC-00033"],"print":false,"nonce":"nonce-roles-2"}"#, allowed: desk),
        Endpoint(.post, "/api/v1/delegates/ESOCC-00012/revoke", #"{"reason":"lost"}"#, allowed: desk),
        Endpoint(.post, "/api/v1/delegates/ESOCC-00012/reprint", #"{"reason":"lost","nonce":"nonce-roles-3"}"#, allowed: desk),
        Endpoint(.post, "/api/v1/delegates/ESOCC-00012/flags", #"{"note":"See the supervisor"}"#, allowed: [.organiser]),
        Endpoint(.post, "/api/v1/kiosk/lookup", #"{"code":"ESOCC-00012"}"#, allowed: [.kiosk, .organiser]),
        Endpoint(.post, "/api/v1/kiosk/preview", #"{"code":"ESOCC-00012"}"#, allowed: [.kiosk, .organiser]),
        Endpoint(.post, "/api/v1/kiosk/checkin", #"{"code":"ESOCC-00012","nonce":"nonce-roles-4"}"#, allowed: [.kiosk, .organiser]),
        Endpoint(.get, "/api/v1/kiosk/print-jobs/none", allowed: [.kiosk, .organiser]),
    ]

    @Test(arguments: endpoints)
    func everyRoleGetsWhatItsRoleAllowsAndTheOthersChangeNothing(_ endpoint: Endpoint) async throws {
        let fixture = try await ServerFixture()
        let app = try await fixture.application()
        try await app.test(.router) { client in
            for role in [nil] + StaffRole.allCases {
                let allowed = role.map(endpoint.allowed.contains) ?? false
                let logBefore = try fixture.station.database.logEntries().count
                let response = try await client.execute(
                    uri: endpoint.path, method: endpoint.method, headers: fixture.headers(role, json: endpoint.body != nil),
                    body: endpoint.body.map { ByteBuffer(string: $0) })
                let who = role?.rawValue ?? "nobody"
                if allowed {
                    #expect(![.unauthorized, .forbidden].contains(response.status), "\(who): \(response.status) \(String(buffer: response.body))")
                } else {
                    #expect(response.status == (role == nil ? .unauthorized : .forbidden), "\(who): \(response.status)")
                    #expect(try fixture.station.database.logEntries().count == logBefore, "\(who) changed the log")
                }
            }
        }
    }
}
