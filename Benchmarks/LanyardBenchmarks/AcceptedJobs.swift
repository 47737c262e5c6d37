/// When each print job was first seen accepted by cupsd on the station's event stream.
actor AcceptedJobs {
    private(set) var times: [String: ContinuousClock.Instant] = [:]

    func note(_ key: String) {
        if times[key] == nil { times[key] = ContinuousClock.now }
    }

    /// Waits until every job in `keys` was accepted, or `timeout` passes.
    func wait(for keys: [String], timeout: Duration) async {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline, keys.contains(where: { times[$0] == nil }) {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
