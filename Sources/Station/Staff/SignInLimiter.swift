import Foundation
import Synchronization

/// Slows down password guessing: after too many failed sign-ins for one account, or from one address, within a
/// window, further attempts are refused until the window has passed.
final class SignInLimiter: Sendable {
    private let failures = Mutex<[String: [Date]]>([:])
    private let limit: Int
    private let window: TimeInterval

    init(limit: Int = 5, window: TimeInterval = 300) {
        self.limit = limit
        self.window = window
    }

    /// When attempts for `account` or from `address` may be made again; nil when they may now.
    func blockedUntil(account: String, address: String?, now: Date = Date()) -> Date? {
        failures.withLock { failures in
            keys(account, address).compactMap { key -> Date? in
                let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
                failures[key] = recent
                return recent.count >= limit ? recent.first.map { $0.addingTimeInterval(window) } : nil
            }.max()
        }
    }

    /// Counts a failed attempt.
    func fail(account: String, address: String?, now: Date = Date()) {
        failures.withLock { failures in
            for key in keys(account, address) { failures[key, default: []].append(now) }
        }
    }

    /// Forgets the account's failures after a successful sign-in.
    func succeed(account: String) {
        _ = failures.withLock { $0.removeValue(forKey: "account:" + account.lowercased()) }
    }

    private func keys(_ account: String, _ address: String?) -> [String] {
        ["account:" + account.lowercased()] + (address.map { ["address:" + $0] } ?? [])
    }
}
