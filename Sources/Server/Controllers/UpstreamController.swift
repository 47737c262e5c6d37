import Foundation
import Hummingbird
import Roster
import Station
import Sync

/// A hub's pull from the registration system, for organisers: what the last pull did, and a pull now.
struct UpstreamController {
    let puller: UpstreamPuller

    func addRoutes(to organiser: RouterGroup<StationRequestContext>) {
        organiser.get("upstream") { _, _ in
            guard let last = try await puller.last() else {
                throw LanyardError(.notFound, "The roster has not been pulled from the registration system yet.", remedy: "Pull it now.")
            }
            return try Self.json(last)
        }
        organiser.post("upstream/pull") { _, _ in try Self.json(await puller.pull()) }
    }

    private static func json(_ pull: UpstreamPull) throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: try SyncJSON.encoder().encode(pull))))
    }
}
