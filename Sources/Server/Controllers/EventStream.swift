import Hummingbird
import NIOCore
import ServiceLifecycle

/// One Server-Sent Event: its name and its data (JSON).
struct EventMessage: Sendable {
    let name: String
    let data: String

    var buffer: ByteBuffer { ByteBuffer(string: "event: \(name)\ndata: \(data)\n\n") }

    /// The keep-alive: a page that hears nothing for a few heartbeats knows it has lost its station.
    static let ping = EventMessage(name: "ping", data: "{}")
}

/// A Server-Sent Events response: `first`, then a message for each element of `source` as it comes, with a `ping`
/// every `heartbeat` so that both ends notice a connection gone dead. Ends when the client goes or the station
/// shuts down.
enum EventStream {
    static func response<Element: Sendable>(
        _ request: Request, first: [EventMessage] = [], heartbeat: Duration, source: AsyncStream<Element>,
        message: @escaping @Sendable (Element) -> EventMessage?
    ) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/event-stream"],
            body: ResponseBody { writer in
                try? await request.body.consumeWithCancellationOnInboundClose { _ in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        let (stream, continuation) = AsyncStream.makeStream(of: ByteBuffer.self)
                        group.addTask {
                            for await element in source.cancelOnGracefulShutdown() {
                                if let message = message(element) { continuation.yield(message.buffer) }
                            }
                            continuation.finish()
                        }
                        group.addTask {
                            while !Task.isCancelled {
                                try await Task.sleep(for: heartbeat)
                                continuation.yield(EventMessage.ping.buffer)
                            }
                        }
                        try await writer.write(ByteBuffer(string: ": connected\n\n"))
                        for message in first { try await writer.write(message.buffer) }
                        for await chunk in stream { try await writer.write(chunk) }
                        group.cancelAll()
                    }
                }
                try await writer.finish(nil)
            })
    }
}
