public import Foundation

/// A real PostgreSQL server of the tests' own (Debian's PostgreSQL 15): a cluster made by `initdb` in a temporary
/// folder, run by `pg_ctl` as the unprivileged `postgres` user, listening on a free loopback port with trust
/// authentication for the `lanyard` role. Stopped and removed when released.
public final class PrivatePostgres: Sendable {
    public let folder: URL
    public let port: Int

    /// The database's address, `postgres://lanyard@127.0.0.1:PORT/lanyard?sslmode=disable`.
    public var url: String { "postgres://lanyard@127.0.0.1:\(port)/lanyard?sslmode=disable" }

    public init() throws {
        folder = URL(fileURLWithPath: "/tmp/lanyard-pg-\(UUID().uuidString.prefix(8))")
        port = try FakeLabelPrinter.freePort()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try TestTool.run("/bin/chown", ["postgres:postgres", folder.path], checked: true)
        _ = try Self.asPostgres(
            Self.binary("initdb"), "-D", folder.appendingPathComponent("data").path, "-U", "lanyard", "-A", "trust", "--no-sync",
            "-E", "UTF8", "--locale", "C.UTF-8")
        try start()
        _ = try Self.asPostgres(Self.binary("createdb"), "-h", "127.0.0.1", "-p", "\(port)", "-U", "lanyard", "lanyard")
    }

    deinit {
        try? stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Starts the server (again, after ``stop()``) and waits until it accepts connections.
    public func start() throws {
        // Spawned directly and waited for (pg_ctl -w returns once the server accepts connections): Foundation's
        // Process stalls on a child that leaves a long-lived server behind. A shell first closes every descriptor
        // above stderr, so the server shares none of the test's.
        let data = folder.appendingPathComponent("data").path
        let options = "-p \(port) -k \(folder.path) -c listen_addresses=127.0.0.1 -c fsync=off"
        let arguments = [
            "/bin/bash", "-c",
            #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done 2>/dev/null; exec "$@" </dev/null >>"$LOG" 2>&1"#,
            "pg_ctl", "/usr/sbin/runuser", "-u", "postgres", "--", Self.binary("pg_ctl"), "-D", data, "-l", "\(folder.path)/server.log", "-w",
            "-t", "60", "-o", options, "start",
        ]
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let variables: [String] = ["LOG=\(folder.path)/pg_ctl.log", "PATH=/usr/bin:/bin"]
        let environment = variables.map { strdup($0) } + [nil]
        defer { environment.forEach { free($0) } }
        guard posix_spawn(&pid, "/bin/bash", nil, nil, argv, environment) == 0 else {
            throw TestTool.Failure(description: "pg_ctl did not start")
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        guard status == 0 else {
            let log = (try? String(contentsOf: folder.appendingPathComponent("pg_ctl.log"), encoding: .utf8)) ?? ""
            throw TestTool.Failure(description: "PostgreSQL did not start: \(log)")
        }
    }

    /// Stops the server at once, as a crash would (clients lose their connections).
    public func stop() throws {
        _ = try Self.asPostgres(Self.binary("pg_ctl"), "-D", folder.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop")
    }

    private static func binary(_ name: String) -> String { "/usr/lib/postgresql/15/bin/\(name)" }

    private static func asPostgres(_ arguments: String...) throws -> String {
        try TestTool.run("/usr/sbin/runuser", ["-u", "postgres", "--"] + arguments, checked: true)
    }
}
