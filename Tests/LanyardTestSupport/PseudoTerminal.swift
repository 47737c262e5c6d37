import Foundation

/// A pseudo-terminal pair standing in for a serial scanner (no USB serial device exists here): Lanyard opens
/// ``path`` as it would `/dev/ttyACM0`, and the test sends what a scanner would on the other side.
public final class PseudoTerminal: Sendable {
    /// The terminal side, for the scanner's settings.
    public let path: String
    private let controller: Int32

    public struct Failure: Error {}

    public init() throws {
        controller = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard controller >= 0, ioctl(controller, 0x4004_5431, &unlock) == 0,  // TIOCSPTLCK
            ioctl(controller, 0x8004_5430, &number) == 0  // TIOCGPTN
        else { throw Failure() }
        path = "/dev/pts/\(number)"
    }

    deinit { close(controller) }

    /// Sends `text` as the scanner's bytes.
    public func send(_ text: String) {
        _ = text.withCString { write(controller, $0, strlen($0)) }
    }
}
