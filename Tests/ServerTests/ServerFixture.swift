import Foundation
import Hummingbird
import HummingbirdTesting
import LanyardTestSupport
import Logging
import NIOCore
import Roster
import RosterStore
import Server
import ServiceLifecycle
import Station

/// A station on the sample conference with a member of staff of every role, each with a bearer token, and its
/// server's application, tested through its router (or live).
final class ServerFixture: Sendable {
    let stations: StationFixture
    /// Role → bearer token.
    let tokens: [StaffRole: String]
    static let passwords: [StaffRole: String] = [
        .organiser: "organiser-password", .desk: "desk-password", .kiosk: "kiosk-password", .door: "door-password",
    ]

    init(firstDay: String = BusyStore.today, configure: @Sendable (inout StationConfiguration) -> Void = { _ in }) async throws {
        stations = try await StationFixture(firstDay: firstDay, configure: configure)
        var tokens: [StaffRole: String] = [:]
        for role in StaffRole.allCases {
            _ = try await stations.station.addStaff(role.rawValue, role: role, password: Self.passwords[role])
            tokens[role] = try await stations.station.issueToken(for: role.rawValue)
        }
        self.tokens = tokens
    }

    var station: Station { stations.station }

    /// The application, as `lanyard serve` builds it, on a free port.
    func application(configuration: ServerConfiguration = .init(port: 0)) async throws -> some ApplicationProtocol {
        try await StationServer.buildApplication(station: station, configuration: configuration, logger: Logger(label: "test"))
    }

    /// Runs the application on a free port in a service group until `body` returns, then shuts it down gracefully.
    func serving<T: Sendable>(
        _ configuration: ServerConfiguration = .init(port: 0), _ body: @Sendable (Int, ServiceGroup) async throws -> T
    ) async throws -> T {
        let (ports, found) = AsyncStream.makeStream(of: Int.self)
        let app = try await StationServer.buildApplication(station: station, configuration: configuration, logger: Logger(label: "test")) {
            port in found.yield(port)
        }
        let group = ServiceGroup(services: [app], logger: Logger(label: "test"))
        return try await withThrowingTaskGroup(of: T?.self) { tasks in
            tasks.addTask {
                try await group.run()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            let result = try await body(port, group)
            await group.triggerGracefulShutdown()
            for try await case let value? in tasks { return value }
            return result
        }
    }

    /// Headers for a request by `role` (nil: nobody), with a JSON body when `json` is given.
    func headers(_ role: StaffRole?, json: Bool = false) -> HTTPFields {
        var headers: HTTPFields = [:]
        if let role, let token = tokens[role] { headers[.authorization] = "Bearer \(token)" }
        if json { headers[.contentType] = "application/json" }
        return headers
    }
}

extension TestResponse {
    /// The body as JSON.
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) }

    /// The error code of a failure's body.
    var errorCode: String? {
        ((try? json()) as? [String: Any]).flatMap { ($0["error"] as? [String: Any])?["code"] as? String }
    }
}

extension ByteBuffer {
    /// `object` as a JSON body.
    static func json(_ object: Any) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }
}
