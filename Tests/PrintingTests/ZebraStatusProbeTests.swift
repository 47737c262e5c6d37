import Foundation
import LanyardTestSupport
import Printing
import Testing

/// The probe against stand-in Zebra printers on loopback (no real printer is attached here), without CUPS.
@Suite struct ZebraStatusProbeTests {
    let probe = ZebraStatusProbe(timeout: 1)

    @Test func aReadyPrinterIsReadyAndIdle() throws {
        let printer = try FakeLabelPrinter()
        #expect(probe.condition(of: printer.uri) == .ready(isIdle: true))
        #expect(printer.statusQueries == 1)
    }

    @Test func aPrinterOutOfPaperHoldsTheLabelUntilItIsCleared() throws {
        let printer = try FakeLabelPrinter(.paperOut)
        try Self.send("^XA^FDbadge^FS^XZ", to: printer.port)
        #expect(probe.condition(of: printer.uri) == .fault(["paper out"], isIdle: false))
        probe.clearHeldLabels(at: printer.uri)
        Self.waitUntil { printer.clears == 1 }
        #expect(probe.condition(of: printer.uri) == .fault(["paper out"], isIdle: true))
    }

    @Test func aPrinterThatRanOutOfPaperAfterTheLabelHoldsNothing() throws {
        let printer = try FakeLabelPrinter(.paperOutAfterPrinting)
        try Self.send("^XA^FDbadge^FS^XZ", to: printer.port)
        #expect(probe.condition(of: printer.uri) == .fault(["paper out"], isIdle: true))
        #expect(printer.documents.count == 1)
    }

    @Test func aPrinterThatDroppedALabelMidwaySaysSo() throws {
        let printer = try FakeLabelPrinter(.drop(afterBytes: 8))
        try? Self.send(String(repeating: "^XA^FDbadge^FS^XZ", count: 100), to: printer.port)
        #expect(probe.condition(of: printer.uri) == .fault(["a label arrived only in part"], isIdle: false))
    }

    @Test func aPrinterThatIsOffOrHungIsUnreachable() throws {
        let off = try FakeLabelPrinter(.refuse)
        let hung = try FakeLabelPrinter(.stall)
        defer { [off, hung].forEach { $0.stop() } }  // keeps both ports theirs until the end
        if case .unreachable = probe.condition(of: off.uri) {} else { Issue.record("refusing") }
        if case .unreachable(let why) = probe.condition(of: hung.uri) {
            #expect(why.contains("no answer"))
        } else {
            Issue.record("hung")
        }
    }

    @Test(arguments: ["usb://Zebra%20Technologies/ZTC%20ZD421-203dpi?serial=1", "ipp://10.0.0.5/ipp/print", ""])
    func aPrinterThatIsNotOnARawPortIsNotAsked(uri: String) {
        #expect(probe.condition(of: uri) == nil)
    }

    /// Sends `text` to the printer on `port` as a print job would, and closes.
    static func send(_ text: String, to port: UInt16) throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let bytes = Array(text.utf8)
        guard Glibc.send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw POSIXError(.EPIPE) }
        shutdown(socket, Int32(SHUT_WR))
        var buffer = [UInt8](repeating: 0, count: 16)
        _ = recv(socket, &buffer, buffer.count, 0)  // until the printer has taken it all and closed
    }

    static func waitUntil(_ condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(5)
        while !condition() && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    }
}
