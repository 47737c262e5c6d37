import Foundation

/// A stand-in for a port-9100 label printer: a TCP listener on loopback that records what arrives, or misbehaves.
/// (No real label printer is attached here; CUPS's socket backend talks to this exactly as to one.)
final class FakeLabelPrinter: @unchecked Sendable {
    // @unchecked: `documents` and `connections` are only touched while holding `lock`.
    enum Behaviour: Sendable {
        /// Read each job to the end and keep it.
        case record
        /// Accept, then read nothing and never close: the job makes no progress.
        case stall
        /// Accept, read a little, then reset the connection.
        case drop(afterBytes: Int)
    }

    let port: UInt16
    private let listener: Int32
    private let behaviour: Behaviour
    private let lock = NSLock()
    private var received: [Data] = []
    private var held: [Int32] = []
    private var isStopped = false

    /// The documents received in full (closed by the sender).
    var documents: [Data] { lock.withLock { received } }
    var uri: String { "socket://127.0.0.1:\(port)" }

    init(_ behaviour: Behaviour = .record) throws {
        self.behaviour = behaviour
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && listen(listener, 8) == 0 && getsockname(listener, pointer, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        port = UInt16(bigEndian: address.sin_port)
        Thread { [self] in acceptLoop() }.start()
    }

    /// A port on which nothing listens: a printer that refuses connections.
    static func refusingURI() throws -> String {
        let printer = try FakeLabelPrinter()
        let uri = printer.uri
        printer.stop()
        return uri
    }

    /// Stops listening and drops held connections; a second call does nothing (closing twice would close
    /// whatever reused the descriptor).
    func stop() {
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

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            switch behaviour {
            case .record:
                Thread { [self] in record(connection) }.start()
            case .stall:
                lock.withLock { if isStopped { close(connection) } else { held.append(connection) } }
            case .drop(let bytes):
                var buffer = [UInt8](repeating: 0, count: bytes)
                _ = recv(connection, &buffer, bytes, 0)
                var linger = linger(l_onoff: 1, l_linger: 0)
                setsockopt(connection, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
                close(connection)
            }
        }
    }

    private func record(_ connection: Int32) {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            data.append(contentsOf: buffer[0..<count])
        }
        close(connection)
        lock.withLock { received.append(data) }
    }
}
