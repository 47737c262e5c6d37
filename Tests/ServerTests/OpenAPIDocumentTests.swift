import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Server
import Sync
import Testing
import Yams

/// The API's document (`Sources/Server/Resources/openapi.yaml`, served at `/api/v1/openapi.yaml`) and the router
/// agree: every route is documented, and every documented route answers.
@Suite struct OpenAPIDocumentTests {
    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteAnswers() async throws {
        let fixture = try await ServerFixture()
        let router = try await StationServer.buildRouter(
            station: fixture.station,
            configuration: .init(port: 0, hub: .init(upstream: UpstreamSource(url: URL(string: "http://127.0.0.1:9/export.csv")!))),
            logger: Logger(label: "test"))
        let served = Set(
            router.routes.map { "\($0.method.rawValue) \($0.path.description)" }.filter { $0.contains("/api/v1/") && !$0.hasSuffix("openapi.yaml") }
                .map { $0.replacingOccurrences(of: "/api/v1", with: "").replacing(/:(\w+)/) { "{\($0.1)}" } })
        let app = Application(router: router)
        let documented: Set<String> = try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/openapi.yaml", method: .get)
            #expect(response.status == .ok)
            let document = try #require(try Yams.load(yaml: String(buffer: response.body)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            return Set(
                paths.flatMap { path, operations in
                    operations.keys.filter { ["get", "post", "put", "delete", "patch"].contains($0) }.map { "\($0.uppercased()) \(path)" }
                })
        }
        #expect(served.subtracting(documented).isEmpty, "undocumented: \(served.subtracting(documented).sorted())")
        #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served).sorted())")
        #expect(served.count >= 20)
    }
}
