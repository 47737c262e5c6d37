import Foundation
import Scanning
import Testing

/// Byte streams of `struct input_event` as a keyboard-wedge scanner sends them, written out key by key for each
/// layout (independently of Lanyard's tables), with the noise real devices add: EV_MSC scan codes before each key,
/// EV_SYN reports after, and an autorepeat.
@Suite struct EvdevDecoderTests {
    /// A key stroke: key code, and whether Shift is held.
    typealias Stroke = (code: UInt16, shift: Bool)

    /// "LY1:A-5/Z%" then Enter, as each layout's scanner types it.
    static let strokes: [(KeyboardLayout, [Stroke])] = [
        (
            .us,
            [(38, true), (21, true), (2, false), (39, true), (30, true), (12, false), (6, false), (53, false), (44, true), (6, true), (28, false)]
        ),
        (.de, [(38, true), (44, true), (2, false), (52, true), (30, true), (53, false), (6, false), (8, true), (21, true), (6, true), (28, false)]),
        (.fr, [(38, true), (21, true), (2, true), (52, false), (16, true), (7, false), (6, true), (52, true), (17, true), (40, true), (28, false)]),
    ]

    static func record(_ type: UInt16, _ code: UInt16, _ value: Int32, at micros: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        withUnsafeBytes(of: Int64(1_800_000_000 + micros / 1_000_000).littleEndian) { bytes += $0 }
        withUnsafeBytes(of: Int64(micros % 1_000_000).littleEndian) { bytes += $0 }
        withUnsafeBytes(of: type.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: code.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
        return bytes
    }

    static func stream(_ strokes: [Stroke], repeatKey: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = []
        var time = 0
        func key(_ code: UInt16, _ value: Int32) {
            time += 2_000
            bytes += record(4, 4, Int32(code) + 0x70000, at: time)  // EV_MSC MSC_SCAN: noise
            bytes += record(1, code, value, at: time)
            bytes += record(0, 0, 0, at: time)  // EV_SYN SYN_REPORT: noise
        }
        for (index, stroke) in strokes.enumerated() {
            if stroke.shift { key(42, 1) }
            key(stroke.code, 1)
            if repeatKey && index == 2 { key(stroke.code, 2) }  // an autorepeat: not a second character
            key(stroke.code, 0)
            if stroke.shift { key(42, 0) }
        }
        return bytes
    }

    @Test(arguments: strokes.map(\.0))
    func eachLayoutDecodesItsScannersKeys(layout: KeyboardLayout) throws {
        let strokes = try #require(Self.strokes.first { $0.0 == layout }?.1)
        var decoder = EvdevDecoder(layout: layout)
        var framer = ScanFramer()
        var events: [ScanFramer.Event] = []
        // Fed in awkward pieces, as reads may split records.
        let bytes = Self.stream(strokes)
        for chunk in stride(from: 0, to: bytes.count, by: 37) {
            for (character, time) in decoder.decode(Array(bytes[chunk..<min(chunk + 37, bytes.count)])) {
                events += framer.feed(String(character), at: time)
            }
        }
        #expect(events == [.scan("LY1:A-5/Z%")])
    }

    @Test func aLayoutMismatchGarblesTheCodeWhichIsWhyTheLayoutIsConfigurable() {
        var decoder = EvdevDecoder(layout: .us)
        let text = String(decoder.decode(Self.stream(Self.strokes[1].1)).map(\.0))
        #expect(text != "LY1:A-5/Z%\r")
    }

    @Test func capsLockAndShiftCombine() {
        var decoder = EvdevDecoder(layout: .us)
        var bytes = Self.record(1, 58, 1, at: 1) + Self.record(1, 58, 0, at: 2)  // Caps Lock on
        bytes += Self.record(1, 30, 1, at: 3) + Self.record(1, 30, 0, at: 4)  // a → A
        bytes += Self.record(1, 42, 1, at: 5) + Self.record(1, 30, 1, at: 6) + Self.record(1, 42, 0, at: 7)  // Shift+a → a
        bytes += Self.record(1, 2, 1, at: 8)  // 1 stays 1
        #expect(String(decoder.decode(bytes).map(\.0)) == "Aa1")
    }
}
