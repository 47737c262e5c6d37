import Foundation
import Synchronization

/// Hands every ``StationEvent`` to every subscriber: the screens following the station.
public final class EventHub: Sendable {
    private let subscribers = Mutex<[UUID: AsyncStream<StationEvent>.Continuation]>([:])

    public init() {}

    /// Events from now on, until the consumer stops iterating. A consumer that falls behind loses the oldest.
    public func subscribe() -> AsyncStream<StationEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: StationEvent.self, bufferingPolicy: .bufferingNewest(1_000))
        let id = UUID()
        subscribers.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        return stream
    }

    /// Hands `event` to every subscriber.
    func publish(_ event: StationEvent) {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(event) }
    }
}
