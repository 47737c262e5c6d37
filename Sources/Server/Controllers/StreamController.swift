import Foundation
import Hummingbird
import Station

/// What happens at the station, as it happens: Server-Sent Events (`event: entry|verdict|occupancy|print-job|printer`,
/// `data:` the event's JSON), with `event: ping` every 5 seconds so that a connection gone dead is noticed.
struct StreamController {
    let station: Station

    func addRoutes(to desk: RouterGroup<StationRequestContext>) {
        desk.get("stream", use: stream)
    }

    @Sendable func stream(_ request: Request, context: StationRequestContext) async throws -> Response {
        let encoder = StationJSON.encoder()
        return EventStream.response(request, heartbeat: .seconds(5), source: station.events.subscribe()) { event in
            guard let json = try? encoder.encode(event) else { return nil }
            return EventMessage(name: Self.type(of: event), data: String(decoding: json, as: UTF8.self))
        }
    }

    private static func type(of event: StationEvent) -> String {
        switch event {
        case .entry: "entry"
        case .verdict: "verdict"
        case .occupancy: "occupancy"
        case .printJob: "print-job"
        case .printer: "printer"
        }
    }
}
