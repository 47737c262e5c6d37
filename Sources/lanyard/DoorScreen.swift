import DoorRules
import Foundation
import Roster
import Station

/// The door's terminal view: a large green ADMIT or red DENY, the reason, the name, and the room's count against
/// its capacity; the terminal bell on a denial. Plain lines when the output is not a terminal.
struct DoorScreen {
    let door: String
    let direction: Direction
    /// One JSON object per line (a scan, a `note` or a `problem`) instead of the screen.
    let json: Bool
    private let isTerminal = isatty(STDOUT_FILENO) == 1

    init(door: String, direction: Direction, json: Bool) {
        self.door = door
        self.direction = direction
        self.json = json
    }

    func showReady() {
        guard !json else { return }
        let title = "Door \(door) (\(direction.rawValue)) — ready to scan"
        write(isTerminal ? "\u{1B}[2J\u{1B}[H\u{1B}[1m\(title)\u{1B}[0m\n" : title + "\n")
    }

    func show(_ update: DoorUpdate) {
        switch update {
        case .verdict(let scan): show(scan)
        case .note(let text): note(text, key: "note")
        case .problem(let text): note(text, key: "problem")
        }
    }

    private func show(_ scan: ScanView) {
        if json { return writeJSON(scan) }
        let decision = scan.decision
        let count = scan.capacity.map { "\(scan.occupancy) / \($0)" } ?? "\(scan.occupancy) inside"
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

    private func note(_ text: String, key: String) {
        if json { return writeJSON([key: text]) }
        write((isTerminal ? "\u{1B}[33m\(text)\u{1B}[0m" : text) + "\n")
    }

    private func writeJSON(_ value: some Encodable) {
        if let data = try? StationJSON.encoder().encode(value) { write(String(decoding: data, as: UTF8.self) + "\n") }
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
