import Foundation
import RosterStore

/// A `lanyard serve` process a benchmark measures, its output in a log file that the benchmark reads.
enum ServeProcess {
    /// Starts `lanyard serve` on `data` at `127.0.0.1:port`, logging at info level into `log`.
    static func launch(_ lanyard: String, data: DataFolder, port: Int, arguments: [String] = [], log: URL) throws -> Process {
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: lanyard)
        process.arguments = ["serve", "--data", data.url.path, "--station", "bench", "--listen", "127.0.0.1:\(port)"] + arguments
        process.standardOutput = output
        process.standardError = output
        process.environment = ProcessInfo.processInfo.environment.merging(["LANYARD_LOG_LEVEL": "info"]) { $1 }
        try process.run()
        return process
    }

    /// Waits until the server's log says `line`.
    static func wait(for line: String, in log: URL, process: Process) async throws {
        for _ in 0..<2_400 {
            if let text = try? String(contentsOf: log, encoding: .utf8), text.contains(line) { return }
            guard process.isRunning else { throw BenchmarkFailure("lanyard serve exited with status \(process.terminationStatus); see serve.log.") }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchmarkFailure("lanyard serve did not log \"\(line)\" within 2 minutes; see serve.log.")
    }
}
