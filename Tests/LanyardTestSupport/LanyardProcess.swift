public import Foundation

/// Runs the built `lanyard` executable, as a script, a desk operator or another station process would.
public struct LanyardProcess: Sendable {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String

        /// Stdout parsed as JSON.
        public func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    }

    public let data: URL

    /// A process working on a new, empty data folder.
    public init() {
        data = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-cli-\(UUID().uuidString)")
    }

    /// A process working on `data`.
    public init(data: URL) {
        self.data = data
    }

    /// The executable beside the test bundle (`swift test` builds both into the same folder).
    public static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lanyard")
    }

    @discardableResult
    public func run(
        _ arguments: String..., stdin: String? = nil, environment: [String: String] = [:], directory: URL? = nil
    ) throws -> Result {
        try run(arguments + ["--data", data.path], stdin: stdin, environment: environment, directory: directory)
    }

    /// Runs a command with exactly these arguments, in `directory` (the test's own by default).
    @discardableResult
    public func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], directory: URL? = nil
    ) throws -> Result {
        let process = try start(arguments, stdin: stdin, environment: environment, directory: directory)
        return process.wait()
    }

    /// Starts a command and returns at once: a process running beside the test. With `stdin` nil its input is an
    /// open pipe the test writes to (``Running/write(_:)``).
    public func start(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], directory: URL? = nil
    ) throws -> Running {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let running = Running(process: process)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        try process.run()
        if let stdin {
            running.write(stdin)
            running.closeInput()
        }
        return running
    }

    /// A command running beside the test: what it prints is collected as it comes, so a long-running one (a
    /// server) can be read while it runs.
    public final class Running: @unchecked Sendable {
        // @unchecked: the collected output is guarded by `lock`; the rest is set in `init`.
        public let process: Process
        private let input = Pipe()
        private let out = Pipe()
        private let err = Pipe()
        private let lock = NSLock()
        private var stdout = Data()
        private var stderr = Data()
        /// Signalled once per stream when its end is read: every byte the command wrote has then been collected.
        private let ended = DispatchSemaphore(value: 0)

        init(process: Process) {
            self.process = process
            process.standardInput = input
            process.standardOutput = out
            process.standardError = err
            // A thread per stream, reading until its end: a blocking read always sees the end, where a
            // readability handler may not be called again once the writer has gone.
            for (stream, pipe) in [out, err].enumerated() {
                let handle = pipe.fileHandleForReading
                Thread.detachNewThread { [self] in
                    while case let data = handle.availableData, !data.isEmpty {
                        lock.withLock { if stream == 0 { stdout.append(data) } else { stderr.append(data) } }
                    }
                    ended.signal()
                }
            }
        }

        /// What the command has printed on standard output so far.
        public var output: String { lock.withLock { String(decoding: stdout, as: UTF8.self) } }

        /// What the command has printed on standard error so far.
        public var errors: String { lock.withLock { String(decoding: stderr, as: UTF8.self) } }

        /// Types `text` into the command's input, as a scanner would.
        public func write(_ text: String) {
            input.fileHandleForWriting.write(Data(text.utf8))
        }

        /// Ends the command's input.
        public func closeInput() {
            try? input.fileHandleForWriting.close()
        }

        /// Waits for the command to end and returns what it printed.
        public func wait() -> Result {
            closeInput()
            process.waitUntilExit()
            // Both streams read to their end; a process the command left running with the pipes open gets a few
            // seconds, then what has come is what there is, and says so.
            let deadline = DispatchTime.now() + 5
            let whole = ended.wait(timeout: deadline) == .success && ended.wait(timeout: deadline) == .success
            return lock.withLock {
                if !whole { stderr.append(Data("\n[LanyardProcess: output cut short, a stream still open after exit]\n".utf8)) }
                return Result(
                    status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                    stderr: String(decoding: stderr, as: UTF8.self))
            }
        }
    }

    public func removeData() { try? FileManager.default.removeItem(at: data) }
}
