import Testing

@testable import PrintQueue

/// The print worker's wake-up call. Each wait below is given an hour: a wait that is not ended by what the test
/// names would run into the suite's time limit rather than pass.
@Suite(.timeLimit(.minutes(1))) struct WakeSignalTests {
    @Test func aSignalGivenBeforeTheWaitEndsTheNextWaitAtOnce() async {
        let signal = WakeSignal()
        signal.signal()
        await signal.wait(timeout: .seconds(3600))
    }

    @Test func aSignalEndsTheWaitUnderWay() async {
        let signal = WakeSignal()
        async let waited: Void = signal.wait(timeout: .seconds(3600))
        try? await Task.sleep(for: .milliseconds(50))
        signal.signal()
        await waited
    }

    @Test func cancellingTheWaitingTaskEndsTheWait() async {
        let signal = WakeSignal()
        let waiting = Task { await signal.wait(timeout: .seconds(3600)) }
        try? await Task.sleep(for: .milliseconds(50))
        waiting.cancel()
        await waiting.value
    }

    @Test func theWaitEndsOnItsOwnWhenNothingSignals() async {
        await WakeSignal().wait(timeout: .milliseconds(10))
    }
}
