import Foundation
import Scanning
import Testing

@Suite struct ScanFramerTests {
    let start = Date(timeIntervalSince1970: 1_000_000)

    @Test(arguments: [
        (ScanFramer.Suffix.enter, "\r"), (.enter, "\n"), (.enter, "\r\n"), (.crlf, "\r\n"), (.tab, "\t"), (.cr, "\r"), (.lf, "\n"),
    ])
    func aFrameEndsOnTheConfiguredSuffix(suffix: ScanFramer.Suffix, ending: String) {
        var framer = ScanFramer(suffix: suffix)
        #expect(framer.feed("LY1:ABC" + ending, at: start) == [.scan("LY1:ABC")])
    }

    @Test(arguments: ["]Q1", "]Q0", "]d2"])
    func anAIMSymbologyIdentifierIsStripped(prefix: String) {
        var framer = ScanFramer()
        #expect(framer.feed(prefix + "LY1:ABC\r", at: start) == [.scan("LY1:ABC")])
    }

    @Test func aFrameThatStopsMidwayIsDiscardedAndReported() {
        var framer = ScanFramer(characterTimeout: 0.3)
        #expect(framer.feed("LY1:AB", at: start).isEmpty)
        #expect(framer.feed("LY1:XYZ\r", at: start.addingTimeInterval(2)) == [.partialDiscarded("LY1:AB"), .scan("LY1:XYZ")])
    }

    @Test func aFrameLeftHangingIsReportedWhenTheInputGoesQuiet() {
        var framer = ScanFramer(characterTimeout: 0.3)
        _ = framer.feed("LY1:AB", at: start)
        #expect(framer.flush(at: start.addingTimeInterval(0.1)).isEmpty)
        #expect(framer.flush(at: start.addingTimeInterval(1)) == [.partialDiscarded("LY1:AB")])
    }

    @Test func theSameCodeTwiceWithinTheWindowCountsOnce() {
        var framer = ScanFramer(duplicateWindow: 2)
        #expect(framer.feed("LY1:A\r", at: start) == [.scan("LY1:A")])
        #expect(framer.feed("LY1:A\r", at: start.addingTimeInterval(1)) == [.duplicate("LY1:A")])
        #expect(framer.feed("LY1:A\r", at: start.addingTimeInterval(4)) == [.scan("LY1:A")])
        #expect(framer.feed("LY1:B\r", at: start.addingTimeInterval(4.5)) == [.scan("LY1:B")])
    }
}
