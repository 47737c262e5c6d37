public import Foundation

/// Asks a Zebra label printer over its raw port (`socket://host:9100`) for its host status (`~HS`), and clears
/// the labels it holds with `~JA` (cancel all).
public struct ZebraStatusProbe: PrinterProbe {
    /// How long to wait for the printer to connect and answer.
    public var timeout: TimeInterval

    public init(timeout: TimeInterval = 2) {
        self.timeout = timeout
    }

    public func condition(of deviceURI: String) -> PrinterCondition? {
        guard let endpoint = Self.endpoint(of: deviceURI) else { return nil }
        do {
            let reply = try exchange("~HS", with: endpoint, replyStrings: 3)
            guard let status = ZebraHostStatus(reply: reply) else {
                return .unreachable("its status reply was not understood")
            }
            return status.faults.isEmpty ? .ready(isIdle: status.isIdle) : .fault(status.faults, isIdle: status.isIdle)
        } catch {
            return .unreachable("\(error)")
        }
    }

    public func clearHeldLabels(at deviceURI: String) {
        guard let endpoint = Self.endpoint(of: deviceURI) else { return }
        _ = try? exchange("~JA", with: endpoint, replyStrings: 0)
    }

    /// Host and port of a `socket://` URI (port 9100 when none is given).
    static func endpoint(of deviceURI: String) -> (host: String, port: Int)? {
        guard let components = URLComponents(string: deviceURI), components.scheme == "socket",
            let host = components.host, !host.isEmpty
        else { return nil }
        return (host, components.port ?? 9100)
    }

    private struct ProbeError: Error, CustomStringConvertible {
        let description: String
    }

    /// Sends `command` and reads until `replyStrings` ETX-terminated strings have arrived.
    private func exchange(_ command: String, with endpoint: (host: String, port: Int), replyStrings: Int) throws -> String {
        let socket = try connect(to: endpoint)
        defer { close(socket) }
        let bytes = Array(command.utf8)
        guard send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else {
            throw ProbeError(description: "it closed the connection")
        }
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 512)
        let deadline = Date().addingTimeInterval(timeout)
        while reply.count(where: { $0 == 0x03 }) < replyStrings {
            try wait(for: socket, events: Int16(POLLIN), until: deadline)
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { throw ProbeError(description: "it closed the connection before answering") }
            reply += buffer[0..<count]
        }
        return String(decoding: reply, as: UTF8.self)
    }

    private func connect(to endpoint: (host: String, port: Int)) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(endpoint.host, String(endpoint.port), &hints, &found) == 0, let address = found else {
            throw ProbeError(description: "\(endpoint.host) cannot be resolved")
        }
        defer { freeaddrinfo(found) }
        let socket = Glibc.socket(address.pointee.ai_family, address.pointee.ai_socktype | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard socket >= 0 else { throw ProbeError(description: "no socket: \(String(cString: strerror(errno)))") }
        do {
            if Glibc.connect(socket, address.pointee.ai_addr, address.pointee.ai_addrlen) != 0 {
                guard errno == EINPROGRESS else { throw ProbeError(description: String(cString: strerror(errno))) }
                try wait(for: socket, events: Int16(POLLOUT), until: Date().addingTimeInterval(timeout))
                var error: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(socket, SOL_SOCKET, SO_ERROR, &error, &length)
                guard error == 0 else { throw ProbeError(description: String(cString: strerror(error))) }
            }
            return socket
        } catch {
            close(socket)
            throw error
        }
    }

    private func wait(for socket: Int32, events: Int16, until deadline: Date) throws {
        var descriptor = pollfd(fd: socket, events: events, revents: 0)
        let milliseconds = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
        guard poll(&descriptor, 1, milliseconds) > 0 else {
            throw ProbeError(description: "no answer within \(Int(timeout)) s")
        }
    }
}
