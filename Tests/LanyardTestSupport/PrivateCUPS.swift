public import Foundation

/// A real `cupsd` of the tests' own: its own ServerRoot, spool and logs in a temporary folder, listening on a free
/// loopback port, running jobs as `lp` as cupsd requires. Queues point at ``FakeLabelPrinter``s.
public final class PrivateCUPS: @unchecked Sendable {
    // @unchecked: `cupsdPID` changes only in `stop()` and `start()`, which a test calls from one task.
    public let folder: URL
    public let port: Int
    private var cupsdPID: pid_t = 0

    /// `host:port`, for `CUPS_SERVER` and libcups.
    public var server: String { "127.0.0.1:\(port)" }

    public init() throws {
        folder = URL(fileURLWithPath: "/tmp/lanyard-cups-\(UUID().uuidString.prefix(8))")
        port = try FakeLabelPrinter.freePort()
        for name in ["spool", "cache", "state", "tmp", "log", "ppd"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        for name in ["spool", "cache", "state"] { try Self.run("/bin/chown", "-R", "lp:lp", folder.appendingPathComponent(name).path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o1777], ofItemAtPath: folder.appendingPathComponent("tmp").path)
        let allow = "  Order allow,deny\n  Allow from 127.0.0.1\n"
        try """
        Listen 127.0.0.1:\(port)
        WebInterface No
        Browsing Off
        LogLevel info
        DefaultAuthType None
        JobRetryInterval 1
        DirtyCleanInterval 0
        <Location />
        \(allow)</Location>
        <Location /admin>
        \(allow)</Location>
        <Policy default>
          <Limit All>
        \(allow)  </Limit>
        </Policy>
        """.write(to: folder.appendingPathComponent("cupsd.conf"), atomically: true, encoding: .utf8)
        let root = folder.path
        try """
        ServerRoot \(root)
        RequestRoot \(root)/spool
        CacheDir \(root)/cache
        StateDir \(root)/state
        TempDir \(root)/tmp
        AccessLog \(root)/log/access_log
        ErrorLog \(root)/log/error_log
        PageLog \(root)/log/page_log
        ServerBin /usr/lib/cups
        DataDir /usr/share/cups
        User lp
        Group lp
        """.write(to: folder.appendingPathComponent("cups-files.conf"), atomically: true, encoding: .utf8)
        try start()
    }

    /// Starts cupsd (again, after ``stop()``) on the same port and files, and waits until it answers.
    public func start() throws {
        // cupsd is started with posix_spawn, not Foundation's Process, whose child monitoring stalls while a
        // long-lived child runs; a shell first closes every descriptor above stderr so cupsd shares none of ours.
        let arguments = [
            "/bin/bash", "-c",
            #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done 2>/dev/null; exec "$@" </dev/null >/dev/null 2>&1"#,
            "cupsd", "/usr/sbin/cupsd", "-f", "-c", folder.appendingPathComponent("cupsd.conf").path,
            "-s", folder.appendingPathComponent("cups-files.conf").path,
        ]
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, "/bin/bash", nil, nil, argv, environ) == 0 else { throw TestTool.Failure(description: "cupsd did not start") }
        cupsdPID = pid
        for _ in 0..<100 where (try? Self.run("/usr/bin/lpstat", "-h", server, "-r")) == nil {
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// Stops cupsd, as when CUPS is down on a station; its queues and jobs stay in its files.
    public func stop() {
        kill(cupsdPID, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<50 where waitpid(cupsdPID, &status, WNOHANG) == 0 { Thread.sleep(forTimeInterval: 0.1) }
        kill(cupsdPID, SIGKILL)
        waitpid(cupsdPID, &status, WNOHANG)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Creates a queue sending to `uri`: raw by default (bytes pass through), aborting a job on a backend error.
    public func addQueue(_ name: String, uri: String, model: String = "raw") throws {
        try Self.run("/usr/sbin/lpadmin", "-h", server, "-p", name, "-E", "-v", uri, "-m", model, "-o", "printer-error-policy=abort-job")
    }

    /// Runs a CUPS command-line tool against this server (`cupsdisable`, `cupsreject` …).
    public func tool(_ name: String, _ arguments: String...) throws {
        try TestTool.run("/usr/sbin/\(name)", ["-h", server] + arguments, checked: true)
    }

    @discardableResult
    private static func run(_ path: String, _ arguments: String...) throws -> String {
        try TestTool.run(path, arguments, checked: true)
    }
}
