public import Hummingbird
import Logging
import ServiceLifecycle

/// Another system the station talks to, stood in for on loopback: `router` served on a free port while `body` runs
/// with that port.
public enum LoopbackServer {
    public static func serving(_ router: Router<BasicRequestContext>, _ body: @Sendable (Int) async throws -> Void) async throws {
        let (ports, found) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in found.yield(channel.localAddress?.port ?? 0) }, logger: Logger(label: "stand-in"))
        let group = ServiceGroup(services: [app], logger: Logger(label: "stand-in"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            try await body(port)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
