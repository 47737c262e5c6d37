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
        guard let port = RawPort(deviceURI: deviceURI) else { return nil }
        do {
            let reply = try exchange("~HS", with: port, replyStrings: 3)
            guard let status = ZebraHostStatus(reply: reply) else {
                return .unreachable("its status reply was not understood")
            }
            return status.faults.isEmpty ? .ready(isIdle: status.isIdle) : .fault(status.faults, isIdle: status.isIdle)
        } catch {
            return .unreachable("\(error)")
        }
    }

    public func clearHeldLabels(at deviceURI: String) {
        guard let port = RawPort(deviceURI: deviceURI) else { return }
        _ = try? exchange("~JA", with: port, replyStrings: 0)
    }

    /// Sends `command` and reads until `replyStrings` ETX-terminated strings have arrived.
    private func exchange(_ command: String, with port: RawPort, replyStrings: Int) throws -> String {
        let socket = try port.connect(timeout: timeout)
        defer { close(socket) }
        let bytes = Array(command.utf8)
        guard send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else {
            throw RawPort.Failure(description: "it closed the connection")
        }
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 512)
        let deadline = Date().addingTimeInterval(timeout)
        while reply.count(where: { $0 == 0x03 }) < replyStrings {
            try RawPort.wait(for: socket, events: Int16(POLLIN), until: deadline)
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { throw RawPort.Failure(description: "it closed the connection before answering") }
            reply += buffer[0..<count]
        }
        return String(decoding: reply, as: UTF8.self)
    }
}
