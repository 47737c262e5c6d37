public import Foundation

/// Turns the `struct input_event` records a keyboard-wedge scanner produces (`/dev/input/event*`) into characters
/// with their times, following Shift and Caps Lock. Autorepeat and non-key events are ignored: a scanner presses
/// each key once, and a repeat is a held key, not a character.
public struct EvdevDecoder: Sendable {
    /// The size of one `struct input_event` on 64-bit Linux: a 16-byte timeval, type, code and value.
    public static let recordSize = 24

    public var layout: KeyboardLayout
    private var shiftsDown = Set<UInt16>()
    private var capsLock = false
    private var pending: [UInt8] = []

    public init(layout: KeyboardLayout) {
        self.layout = layout
    }

    /// Decodes `bytes` (any split of the stream); returns the characters typed, each with the event's time.
    public mutating func decode(_ bytes: [UInt8]) -> [(Character, Date)] {
        pending += bytes
        var typed: [(Character, Date)] = []
        var offset = 0
        while pending.count - offset >= Self.recordSize {
            let record = pending[offset..<offset + Self.recordSize]
            offset += Self.recordSize
            let seconds = Self.integer(record, at: 0, size: 8)
            let micros = Self.integer(record, at: 8, size: 8)
            let type = UInt16(Self.integer(record, at: 16, size: 2))
            let code = UInt16(Self.integer(record, at: 18, size: 2))
            let value = Int32(truncatingIfNeeded: Self.integer(record, at: 20, size: 4))
            guard type == 1 else { continue }  // EV_KEY
            let time = Date(timeIntervalSince1970: Double(seconds) + Double(micros) / 1e6)
            switch (code, value) {
            case (42, 1), (54, 1): shiftsDown.insert(code)
            case (42, 0), (54, 0): shiftsDown.remove(code)
            case (58, 1): capsLock.toggle()
            case (_, 1):
                let isLetter = layout.character(forKey: code, shifted: false)?.isLetter ?? false
                let shifted = !shiftsDown.isEmpty != (capsLock && isLetter)
                if let character = layout.character(forKey: code, shifted: shifted) { typed.append((character, time)) }
            default: continue
            }
        }
        pending.removeFirst(offset)
        return typed
    }

    private static func integer(_ record: ArraySlice<UInt8>, at offset: Int, size: Int) -> UInt64 {
        let start = record.startIndex + offset
        return record[start..<start + size].reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}
