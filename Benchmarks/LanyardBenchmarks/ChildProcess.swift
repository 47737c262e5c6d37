import Foundation

/// A program a benchmark times from outside, as a user runs it: wall time of the whole process and its peak memory.
///
/// The peak is the child's own `VmHWM`, read every few milliseconds while it runs: `wait4`'s `ru_maxrss` would not
/// do, as Linux carries the parent's high-water mark into a child across `execve`.
struct ChildProcess {
    let status: Int32
    let wall: Duration
    let peakMemoryMiB: Double
    let output: String

    /// Runs `executable` with `arguments` to its end, its standard output collected and its errors passed through.
    static func run(_ executable: String, _ arguments: [String]) throws -> ChildProcess {
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outputFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchmarkFailure("Could not start \(executable): \(String(cString: strerror(spawned))).") }
        var status: Int32 = 0
        var peak = 0.0
        while true {
            peak = max(peak, ProcessFigures.memory(of: pid).peak)
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid || (waited < 0 && errno != EINTR) { break }
            usleep(2_000)
        }
        let wall = clock.now - start
        let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        return ChildProcess(status: status, wall: wall, peakMemoryMiB: peak, output: output)
    }

    /// Fails with the program's name unless it ended with status 0.
    func succeeded(_ name: String) throws -> ChildProcess {
        guard status == 0 else { throw BenchmarkFailure("\(name) failed (wait status \(status)): \(output)") }
        return self
    }
}
