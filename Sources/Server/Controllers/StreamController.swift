import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle
import Station

/// What happens at the station, as it happens: Server-Sent Events (`event: entry|print-job|printer`, `data:`
/// the event's JSON), with a comment every 15 seconds so that a connection gone dead is noticed. Ends when the
/// client goes or the station shuts down.
struct StreamController {
    let station: Station

    func addRoutes(to desk: RouterGroup<StationRequestContext>) {
        desk.get("stream", use: stream)
    }

    @Sendable func stream(_ request: Request, context: StationRequestContext) async throws -> Response {
        let events = station.events.subscribe()
        let encoder = StationJSON.encoder()
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
            body: ResponseBody { writer in
                try? await request.body.consumeWithCancellationOnInboundClose { _ in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        let (stream, continuation) = AsyncStream.makeStream(of: ByteBuffer.self)
                        group.addTask {
                            for await event in events.cancelOnGracefulShutdown() {
                                guard let json = try? encoder.encode(event), let type = Self.type(of: event) else { continue }
                                continuation.yield(ByteBuffer(string: "event: \(type)\ndata: \(String(decoding: json, as: UTF8.self))\n\n"))
                            }
                            continuation.finish()
                        }
                        group.addTask {
                            while !Task.isCancelled {
                                try await Task.sleep(for: .seconds(15))
                                continuation.yield(ByteBuffer(string: ": still here\n\n"))
                            }
                        }
                        try await writer.write(ByteBuffer(string: ": connected\n\n"))
                        for await chunk in stream { try await writer.write(chunk) }
                        group.cancelAll()
                    }
                }
                try await writer.finish(nil)
            })
    }

    private static func type(of event: StationEvent) -> String? {
        switch event {
        case .entry: "entry"
        case .printJob: "print-job"
        case .printer: "printer"
        }
    }
}
