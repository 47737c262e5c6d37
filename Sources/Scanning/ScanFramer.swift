public import Foundation

/// Assembles the characters a scanner sends into scans: a frame ends on the configured suffix, an AIM symbology
/// identifier (`]Q1` …) is stripped, a frame that stops half-way (a gap between characters longer than the timeout)
/// is discarded and reported, and the same code scanned twice within a short window counts once.
public struct ScanFramer: Sendable {
    /// What ends a frame.
    public enum Suffix: String, Sendable, CaseIterable, Codable {
        case enter, tab, cr, lf, crlf

        /// Characters that end a frame; Enter accepts CR, LF or CRLF.
        var terminators: Set<Character> {
            switch self {
            case .enter, .crlf: ["\r", "\n", "\r\n"]
            case .tab: ["\t"]
            case .cr: ["\r"]
            case .lf: ["\n"]
            }
        }
    }

    /// What came out of the characters fed in.
    public enum Event: Sendable, Equatable {
        /// A complete scan.
        case scan(String)
        /// A frame abandoned part-way (the scanner stopped mid-code); what had arrived.
        case partialDiscarded(String)
        /// The same code again within the duplicate window; counted once.
        case duplicate(String)
    }

    public var suffix: Suffix
    /// The longest gap between two characters of one frame.
    public var characterTimeout: TimeInterval
    /// Within this time a repeated code is a duplicate.
    public var duplicateWindow: TimeInterval

    private var buffer = ""
    private var lastCharacterAt: Date?
    private var lastScan: (code: String, at: Date)?

    public init(suffix: Suffix = .enter, characterTimeout: TimeInterval = 0.3, duplicateWindow: TimeInterval = 2) {
        self.suffix = suffix
        self.characterTimeout = characterTimeout
        self.duplicateWindow = duplicateWindow
    }

    /// Feeds characters that arrived at `time`; returns what they completed.
    public mutating func feed(_ text: String, at time: Date) -> [Event] {
        var events: [Event] = []
        for character in text {
            if let previous = lastCharacterAt, time.timeIntervalSince(previous) > characterTimeout, !buffer.isEmpty {
                events.append(.partialDiscarded(buffer))
                buffer = ""
            }
            lastCharacterAt = time
            if suffix.terminators.contains(character) {
                if let event = complete(at: time) { events.append(event) }
            } else {
                buffer.append(character)
            }
        }
        return events
    }

    /// Reports a frame left unfinished when no more characters came (call when the input goes quiet or closes).
    public mutating func flush(at time: Date) -> [Event] {
        guard !buffer.isEmpty, let previous = lastCharacterAt, time.timeIntervalSince(previous) > characterTimeout else { return [] }
        defer { buffer = "" }
        return [.partialDiscarded(buffer)]
    }

    private mutating func complete(at time: Date) -> Event? {
        defer { buffer = "" }
        let code = Self.strippingSymbologyIdentifier(buffer)
        guard !code.isEmpty else { return nil }
        if let last = lastScan, last.code == code, time.timeIntervalSince(last.at) <= duplicateWindow {
            return .duplicate(code)
        }
        lastScan = (code, time)
        return .scan(code)
    }

    /// `]Q1LY1:…` → `LY1:…`: the AIM identifier is `]`, a letter and a digit or letter.
    static func strippingSymbologyIdentifier(_ frame: String) -> String {
        let characters = Array(frame)
        guard characters.count >= 3, characters[0] == "]", characters[1].isLetter,
            characters[2].isNumber || characters[2].isLetter
        else { return frame }
        return String(characters.dropFirst(3))
    }
}
