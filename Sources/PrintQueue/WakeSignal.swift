import Synchronization

/// Wakes a loop that otherwise waits a while between rounds: ``signal()`` ends the wait under way, or the next one
/// when none is.
final class WakeSignal: Sendable {
    private enum State {
        case idle
        case signalled
        case waiting(CheckedContinuation<Void, Never>)
    }

    private let state = Mutex(State.idle)

    /// Ends the wait under way, or the next one.
    func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard case .waiting(let continuation) = state else {
                state = .signalled
                return nil
            }
            state = .idle
            return continuation
        }
        waiter?.resume()
    }

    /// Returns when signalled (at once if signalled since the last wait), when `timeout` has passed, or when the
    /// task is cancelled.
    func wait(timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [self] in
                guard (try? await Task.sleep(for: timeout)) != nil else { return }
                signal()
            }
            await withTaskCancellationHandler {
                await waitForSignal()
            } onCancel: {
                signal()
            }
            group.cancelAll()
        }
    }

    private func waitForSignal() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let isSignalled = state.withLock { state -> Bool in
                if case .signalled = state {
                    state = .idle
                    return true
                }
                state = .waiting(continuation)
                return false
            }
            if isSignalled { continuation.resume() }
        }
    }
}
