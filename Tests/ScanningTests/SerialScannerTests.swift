import Foundation
import LanyardTestSupport
import Scanning
import Testing

/// A serial scanner through a pseudo-terminal pair: Lanyard opens the terminal side as it would `/dev/ttyACM0`,
/// the test writes what the scanner would send on the other side. (No USB serial device exists here.)
@Suite struct SerialScannerTests {
    @Test func scansArriveThroughASerialPortInRawMode() async throws {
        let terminal = try PseudoTerminal()
        let scanner = DeviceScanner(source: .serial(path: terminal.path, baud: 9600), framer: ScanFramer(characterTimeout: 0.5))
        let stream = scanner.events()
        // Let the reader open the port and set raw mode; then write back to back, in pieces, as a scanner's bytes
        // arrive. (No sleeps between writes: on a loaded machine they would stretch past the character timeout.)
        usleep(1_000_000)
        for chunk in ["]Q1LY1:AB", "C-1\r\n", "LY1:AB"] { terminal.send(chunk) }
        var events: [ScannerEvent] = []
        for await event in stream {
            events.append(event)
            if events.count == 2 { break }
        }
        #expect(events == [.scan("LY1:ABC-1"), .partialDiscarded("LY1:AB")])
    }
}
