import DoorRules
import Foundation
import Station

/// The door's terminal view: a large green ADMIT or red DENY, the reason, the name, and the room's count against
/// its capacity; the terminal bell on a denial. Plain lines when the output is not a terminal.
struct DoorScreen {
    let door: DoorStation
    let direction: Direction
    /// One JSON object per line (a decision, or a `note`) instead of the screen.
    let json: Bool
    private let isTerminal = isatty(STDOUT_FILENO) == 1

    init(door: DoorStation, direction: Direction, json: Bool) {
        self.door = door
        self.direction = direction
        self.json = json
    }

    func showReady() {
        guard !json else { return }
        let title = "Door \(door.door.logName) (\(direction.rawValue)) — ready to scan"
        write(isTerminal ? "\u{1B}[2J\u{1B}[H\u{1B}[1m\(title)\u{1B}[0m\n" : title + "\n")
    }

    func show(_ decision: EntryDecision, occupancy: Int) {
        if json {
            struct Line: Encodable { let decision: EntryDecision; let occupancy: Int; let capacity: Int? }
            return writeJSON(Line(decision: decision, occupancy: occupancy, capacity: door.capacity))
        }
        let count = door.capacity.map { "\(occupancy) / \($0)" } ?? "\(occupancy) inside"
        guard isTerminal else {
            write("\(decision.verdict.rawValue) [\(decision.reason)] \(decision.sentence) \(decision.name ?? "") \(count)\n")
            return
        }
        let colour = decision.isAdmitted ? "\u{1B}[1;97;42m" : "\u{1B}[1;97;41m"
        let banner = Self.banner(decision.verdict.rawValue).map { colour + "  " + $0 + "  \u{1B}[0m" }
        var screen = "\u{1B}[2J\u{1B}[H" + banner.joined(separator: "\n") + "\n\n"
        screen += "\u{1B}[1m\(decision.sentence)\u{1B}[0m\n"
        if let warning = decision.warning { screen += "\u{1B}[1;33m\(warning)\u{1B}[0m\n" }
        if let name = decision.name { screen += "\n\u{1B}[1m\(name)\u{1B}[0m  \(decision.category ?? "")  \(decision.reference ?? "")\n" }
        screen += "\nRoom: \(count)\n"
        write(screen + (decision.isAdmitted ? "" : "\u{7}"))
    }

    func note(_ text: String) {
        if json {
            struct Line: Encodable { let note: String }
            return writeJSON(Line(note: text))
        }
        write((isTerminal ? "\u{1B}[33m\(text)\u{1B}[0m" : text) + "\n")
    }

    private func writeJSON(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let data = try? encoder.encode(value) { write(String(decoding: data, as: UTF8.self) + "\n") }
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// ADMIT or DENY in block letters, five rows high.
    static func banner(_ word: String) -> [String] {
        let glyphs: [Character: [String]] = [
            "A": [" ███ ", "█   █", "█████", "█   █", "█   █"],
            "D": ["████ ", "█   █", "█   █", "█   █", "████ "],
            "M": ["█   █", "██ ██", "█ █ █", "█   █", "█   █"],
            "I": ["█████", "  █  ", "  █  ", "  █  ", "█████"],
            "T": ["█████", "  █  ", "  █  ", "  █  ", "  █  "],
            "E": ["█████", "█    ", "████ ", "█    ", "█████"],
            "N": ["█   █", "██  █", "█ █ █", "█  ██", "█   █"],
            "Y": ["█   █", " █ █ ", "  █  ", "  █  ", "  █  "],
        ]
        return (0..<5).map { row in word.map { glyphs[$0]?[row] ?? "     " }.joined(separator: "  ") }
    }
}
