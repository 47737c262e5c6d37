public import Foundation

/// Reads a scanner — standard input, a serial port or an evdev keyboard wedge — and yields its scans.
///
/// Reading happens on a thread of its own with `poll`, so a frame that stops half-way is noticed even when nothing
/// more arrives. A device that disappears is reported and reopened when it returns.
public final class DeviceScanner: ScannerInput {
    public let source: ScannerSource
    private let framer: ScanFramer
    /// How often to look for an unplugged device.
    private let reconnectInterval: TimeInterval

    public init(source: ScannerSource, framer: ScanFramer = ScanFramer(), reconnectInterval: TimeInterval = 0.5) {
        self.source = source
        self.framer = framer
        self.reconnectInterval = reconnectInterval
    }

    /// Scans as they complete, until the task is cancelled (or standard input closes).
    public func events() -> AsyncStream<ScannerEvent> {
        AsyncStream { continuation in
            let stop = StopFlag()
            let thread = Thread { [self] in
                self.readLoop(stop: stop) { continuation.yield($0) }
                continuation.finish()
            }
            continuation.onTermination = { _ in stop.set() }
            thread.start()
        }
    }

    private func readLoop(stop: StopFlag, emit: (ScannerEvent) -> Void) {
        var framer = self.framer
        var decoder = EvdevDecoder(layout: { if case .evdev(_, let layout) = source { layout } else { .us } }())
        var wasConnected = true
        while !stop.isSet {
            let fd: Int32
            do {
                fd = try open()
            } catch {
                if case .standardInput = source { return }
                if wasConnected { emit(.disconnected(String(describing: error))) }
                wasConnected = false
                Thread.sleep(forTimeInterval: reconnectInterval)
                continue
            }
            if !wasConnected { emit(.reconnected(path)) }
            wasConnected = true
            defer { if fd != STDIN_FILENO { close(fd) } }
            var buffer = [UInt8](repeating: 0, count: 4096)
            var pendingText: [UInt8] = []
            while !stop.isSet {
                var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&descriptor, 1, Int32(max(10, framer.characterTimeout * 1000 / 2)))
                if ready == 0 {
                    framer.flush(at: Date()).forEach { emit(ScannerEvent($0)) }
                    continue
                }
                let count = ready > 0 ? read(fd, &buffer, buffer.count) : -1
                guard count > 0 else {
                    framer.flush(at: .distantFuture).forEach { emit(ScannerEvent($0)) }
                    if case .standardInput = source { return }
                    emit(.disconnected(path))
                    wasConnected = false
                    break
                }
                let bytes = Array(buffer[0..<count])
                switch source {
                case .evdev:
                    for (character, time) in decoder.decode(bytes) {
                        framer.feed(String(character), at: time).forEach { emit(ScannerEvent($0)) }
                    }
                case .standardInput, .serial:
                    pendingText += bytes
                    // Keep an incomplete UTF-8 sequence for the next read.
                    let complete = Self.completeUTF8Prefix(pendingText)
                    let text = String(decoding: pendingText[0..<complete], as: UTF8.self)
                    pendingText.removeFirst(complete)
                    framer.feed(text, at: Date()).forEach { emit(ScannerEvent($0)) }
                }
            }
        }
    }

    private var path: String {
        switch source {
        case .standardInput: "stdin"
        case .serial(let path, _), .evdev(let path, _): path
        }
    }

    private func open() throws -> Int32 {
        switch source {
        case .standardInput:
            return STDIN_FILENO
        case .serial(let path, let baud):
            let fd = Glibc.open(path, O_RDONLY | O_NOCTTY)
            guard fd >= 0 else { throw Self.failure("cannot open \(path)") }
            var settings = termios()
            guard tcgetattr(fd, &settings) == 0 else {
                close(fd)
                throw Self.failure("\(path) is not a serial port")
            }
            cfmakeraw(&settings)
            cfsetspeed(&settings, Self.speed(baud))
            guard tcsetattr(fd, TCSANOW, &settings) == 0 else {
                close(fd)
                throw Self.failure("cannot set \(path) to raw mode")
            }
            return fd
        case .evdev(let path, _):
            let fd = Glibc.open(path, O_RDONLY)
            guard fd >= 0 else { throw Self.failure("cannot open \(path)") }
            // EVIOCGRAB: scans go to Lanyard only, not to whatever window has focus.
            guard ioctl(fd, 0x4004_4590, 1) == 0 else {
                close(fd)
                throw Self.failure("cannot grab \(path) exclusively")
            }
            return fd
        }
    }

    private static func failure(_ what: String) -> ScannerError {
        ScannerError(
            "The scanner \(what): \(String(cString: strerror(errno))).",
            remedy: "Check that it is plugged in and that the udev rules in Hardware/udev give this user access.")
    }

    private static func speed(_ baud: Int) -> speed_t {
        switch baud {
        case 1200: speed_t(B1200)
        case 2400: speed_t(B2400)
        case 4800: speed_t(B4800)
        case 19200: speed_t(B19200)
        case 38400: speed_t(B38400)
        case 57600: speed_t(B57600)
        case 115200: speed_t(B115200)
        default: speed_t(B9600)
        }
    }

    /// How many leading bytes form complete UTF-8 characters.
    static func completeUTF8Prefix(_ bytes: [UInt8]) -> Int {
        var index = bytes.count
        var continuation = 0
        while index > 0, bytes[index - 1] & 0xC0 == 0x80, continuation < 3 {
            index -= 1
            continuation += 1
        }
        guard index > 0 else { return bytes.count }
        let lead = bytes[index - 1]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return length == continuation + 1 ? bytes.count : index - 1
    }
}

/// A flag one thread sets and another reads.
private final class StopFlag: @unchecked Sendable {
    // Safe: every access holds the lock.
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
