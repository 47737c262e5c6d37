public import Foundation

/// A stand-in for a port-9100 Zebra label printer: a TCP listener on loopback that records the labels it receives,
/// answers `~HS` (host status) and obeys `~JA` (cancel all), or misbehaves. No real label printer is attached here;
/// CUPS's socket backend and Lanyard's status probe talk to this exactly as to one.
public final class FakeLabelPrinter: @unchecked Sendable {
    // @unchecked: the mutable state is only touched while holding `lock`.
    public enum Behaviour: Sendable {
        /// Read each job to the end and print it.
        case record
        /// Hold the port without listening: connections are refused (a printer that is off), and no other
        /// listener can take the port while this one lives.
        case refuse
        /// Accept, then read nothing and never close, status queries included: a hung printer.
        case stall
        /// Accept a job, read a little, then reset the connection; from then on report a partial label.
        case drop(afterBytes: Int)
        /// Print each job, but keep its connection open this long after (printers that close late).
        case holdConnection(seconds: TimeInterval)
        /// Out of labels from the start: keep each job inside, unprinted, until `~JA` clears them.
        case paperOut
        /// Print each job, then run out of labels: the label is out, the printer says paper out.
        case paperOutAfterPrinting
    }

    public let port: UInt16
    private var listener: Int32
    private let behaviour: Behaviour
    private let lock = NSLock()
    private var printed: [Data] = []
    private var heldLabels: [Data] = []
    private var hasPartialLabel = false
    private var isOutOfPaper = false
    private var clearCount = 0
    private var statusQueryCount = 0
    private var held: [Int32] = []
    private var isStopped = false

    /// The labels printed, in full (closed by the sender).
    public var documents: [Data] { lock.withLock { printed } }
    /// How many times `~JA` cleared the labels it held.
    public var clears: Int { lock.withLock { clearCount } }
    /// How many `~HS` queries it answered.
    public var statusQueries: Int { lock.withLock { statusQueryCount } }
    public var uri: String { "socket://127.0.0.1:\(port)" }

    public init(_ behaviour: Behaviour = .record) throws {
        self.behaviour = behaviour
        if case .paperOut = behaviour { isOutOfPaper = true }
        (listener, port) = try Self.bind(port: 0)
        if case .refuse = behaviour { return }
        guard listen(listener, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        Thread { [self, listener] in acceptLoop(listener) }.start()
    }

    /// A socket bound to `port` on loopback (any free port for 0), not listening yet.
    private static func bind(port: UInt16) throws -> (Int32, UInt16) {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                Glibc.bind(listener, pointer, length) == 0 && getsockname(listener, pointer, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw POSIXError(.EADDRINUSE)
        }
        return (listener, UInt16(bigEndian: address.sin_port))
    }

    /// Unplugs the printer (connections to its port are refused, and the port stays its own) or plugs it back in.
    public func setReachable(_ isReachable: Bool) throws {
        try lock.withLock {
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
            (listener, _) = try Self.bind(port: port)
            guard isReachable else { return }
            guard listen(listener, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
            Thread { [self, listener] in acceptLoop(listener) }.start()
        }
    }

    /// Stops listening and drops held connections; a second call does nothing (closing twice would close
    /// whatever reused the descriptor).
    public func stop() {
        lock.withLock {
            guard !isStopped else { return }
            isStopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
            held.forEach { close($0) }
            held = []
        }
    }

    deinit { stop() }

    private func acceptLoop(_ listener: Int32) {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            if case .stall = behaviour {
                lock.withLock { if isStopped { close(connection) } else { held.append(connection) } }
            } else {
                Thread { [self] in serve(connection) }.start()
            }
        }
    }

    private func serve(_ connection: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        // A dropping printer takes in only the start of a job (and a status query, which is shorter).
        let firstRead = if case .drop(let bytes) = behaviour { min(bytes, buffer.count) } else { buffer.count }
        let first = recv(connection, &buffer, firstRead, 0)
        guard first > 0 else {
            close(connection)
            return
        }
        var data = Data(buffer[0..<first])
        if data.starts(with: Data("~HS".utf8)) {
            let reply = lock.withLock {
                statusQueryCount += 1
                return hostStatus()
            }
            _ = reply.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            close(connection)
            return
        }
        if data.starts(with: Data("~JA".utf8)) {
            lock.withLock {
                clearCount += 1
                heldLabels = []
                hasPartialLabel = false
            }
            close(connection)
            return
        }
        if case .drop = behaviour {
            lock.withLock { hasPartialLabel = true }
            var linger = linger(l_onoff: 1, l_linger: 0)
            setsockopt(connection, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
            close(connection)
            return
        }
        while true {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            data.append(contentsOf: buffer[0..<count])
        }
        switch behaviour {
        case .paperOut:
            lock.withLock { heldLabels.append(data) }
        case .paperOutAfterPrinting:
            lock.withLock {
                printed.append(data)
                isOutOfPaper = true
            }
        case .holdConnection(let seconds):
            lock.withLock { printed.append(data) }
            Thread.sleep(forTimeInterval: seconds)
        default:
            lock.withLock { printed.append(data) }
        }
        close(connection)
    }

    /// The three `~HS` strings, with the flags this printer's state sets (field layout as in the ZPL manual).
    private func hostStatus() -> Data {
        let paperOut = isOutOfPaper ? 1 : 0
        let formats = String(format: "%03d", heldLabels.count)
        let partial = hasPartialLabel ? 1 : 0
        return Data(
            """
            \u{02}030,\(paperOut),0,1218,\(formats),0,0,\(partial),000,0,0,0\u{03}\r
            \u{02}000,0,0,0,0,2,6,0,00000000,1,000\u{03}\r
            \u{02}1234,0\u{03}\r

            """.utf8)
    }

    /// A loopback port free a moment ago: one a stand-in printer got from the system, closed again.
    public static func freePort() throws -> Int {
        let probe = try FakeLabelPrinter()
        defer { probe.stop() }
        return Int(probe.port)
    }
}
