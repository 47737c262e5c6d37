/// A Zebra printer's answer to `~HS` (host status), parsed: the three STX…ETX strings of the ZPL manual, of
/// which Lanyard reads the flags that say whether a label can print and whether one is still inside the printer.
///
/// String 1: `aaa,b,c,dddd,eee,f,g,h,iii,j,k,l` (b paper out, c paused, eee formats in the receive buffer, f buffer
/// full, h partial format, j corrupt RAM, k under temperature, l over temperature). String 2:
/// `mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www` (o head up, p ribbon out, q thermal-transfer mode, uuuuuuuu labels remaining
/// in the batch).
public struct ZebraHostStatus: Sendable, Equatable {
    public var isPaperOut: Bool
    public var isPaused: Bool
    public var formatsInBuffer: Int
    public var isBufferFull: Bool
    /// A label's data arrived only in part (the sender stopped mid-label).
    public var hasPartialFormat: Bool
    public var isRAMCorrupt: Bool
    public var isTooCold: Bool
    public var isTooHot: Bool
    public var isHeadOpen: Bool
    /// Ribbon out, which matters only in thermal-transfer mode.
    public var isRibbonOut: Bool
    public var labelsRemaining: Int

    /// Parses the printer's reply.
    /// - Returns: nil when the reply does not hold the two status strings.
    public init?(reply: String) {
        let strings = reply.split(separator: "\u{02}").map { string in
            string.prefix { $0 != "\u{03}" }.split(separator: ",", omittingEmptySubsequences: false)
        }
        guard strings.count >= 2, strings[0].count >= 12, strings[1].count >= 9 else { return nil }
        let first = strings[0], second = strings[1]
        func flag(_ field: Substring) -> Bool { field.trimmingPrefix(" ") == "1" }
        isPaperOut = flag(first[1])
        isPaused = flag(first[2])
        formatsInBuffer = Int(first[4]) ?? 0
        isBufferFull = flag(first[5])
        hasPartialFormat = flag(first[7])
        isRAMCorrupt = flag(first[9])
        isTooCold = flag(first[10])
        isTooHot = flag(first[11])
        isHeadOpen = flag(second[2])
        isRibbonOut = flag(second[3]) && flag(second[4])
        labelsRemaining = Int(second[8]) ?? 0
    }

    /// What stops a label from printing, in words; empty when nothing does.
    public var faults: [String] {
        [
            (isPaperOut, "paper out"), (isHeadOpen, "head open"), (isRibbonOut, "ribbon out"), (isPaused, "paused"),
            (hasPartialFormat, "a label arrived only in part"), (isBufferFull, "buffer full"),
            (isRAMCorrupt, "memory corrupt"), (isTooCold, "print head too cold"), (isTooHot, "print head too hot"),
        ].filter(\.0).map(\.1)
    }

    /// Whether the printer has no label left to print.
    public var isIdle: Bool { formatsInBuffer == 0 && labelsRemaining == 0 && !hasPartialFormat }
}
