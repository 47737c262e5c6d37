import Foundation

/// A printer's raw TCP port (`socket://host:9100`): connecting with a deadline, which the status probe and the
/// reachability check share.
struct RawPort: Sendable {
    let host: String
    let port: Int

    /// The port of a `socket://` device URI (9100 when none is given), or nil for any other kind of printer.
    init?(deviceURI: String) {
        guard let components = URLComponents(string: deviceURI), components.scheme == "socket",
            let host = components.host, !host.isEmpty
        else { return nil }
        self.host = host
        self.port = components.port ?? 9100
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A connected, non-blocking socket; the caller closes it.
    func connect(timeout: TimeInterval) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let address = found else {
            throw Failure(description: "\(host) cannot be resolved")
        }
        defer { freeaddrinfo(found) }
        let socket = Glibc.socket(address.pointee.ai_family, address.pointee.ai_socktype | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "no socket: \(String(cString: strerror(errno)))") }
        do {
            if Glibc.connect(socket, address.pointee.ai_addr, address.pointee.ai_addrlen) != 0 {
                guard errno == EINPROGRESS else { throw Failure(description: String(cString: strerror(errno))) }
                try Self.wait(for: socket, events: Int16(POLLOUT), until: Date().addingTimeInterval(timeout))
                var error: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(socket, SOL_SOCKET, SO_ERROR, &error, &length)
                guard error == 0 else { throw Failure(description: String(cString: strerror(error))) }
            }
            return socket
        } catch {
            close(socket)
            throw error
        }
    }

    /// Waits until `socket` is ready for `events`, or throws at `deadline`.
    static func wait(for socket: Int32, events: Int16, until deadline: Date) throws {
        var descriptor = pollfd(fd: socket, events: events, revents: 0)
        let milliseconds = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
        guard poll(&descriptor, 1, milliseconds) > 0 else {
            throw Failure(description: "no answer in time")
        }
    }
}
