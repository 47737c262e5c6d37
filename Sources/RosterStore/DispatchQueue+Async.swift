public import Dispatch

extension DispatchQueue {
    /// Runs blocking work (SQLite, libcups, rendering) on this queue and awaits its result, so that it never holds
    /// one of the few threads of Swift's cooperative pool: a long import or a slow printer stalls no other request.
    public func perform<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// A concurrent queue for blocking store work.
    public static let blocking = DispatchQueue(label: "lanyard.blocking", qos: .userInitiated, attributes: .concurrent)
}

extension RosterDatabase {
    /// Runs blocking store work off Swift's cooperative pool and awaits it.
    public func perform<T: Sendable>(_ body: @escaping @Sendable (RosterDatabase) throws -> T) async throws -> T {
        let database = self
        return try await DispatchQueue.blocking.perform { try body(database) }
    }
}
