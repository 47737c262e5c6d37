import Foundation
import Roster

/// Reads `--at`: local event time `YYYY-MM-DDTHH:MM`, or ISO 8601 with an offset.
enum ScanTime {
    static func parse(_ text: String, in event: Event) throws -> Date {
        if let instant = try? Date(text, strategy: .iso8601) { return instant }
        let parts = text.split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = event.timeZone
        guard parts.count == 5,
            let instant = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4]))
        else {
            throw CLIError("“\(text)” is not a time.", remedy: "Write YYYY-MM-DDTHH:MM (event time) or ISO 8601 with an offset.")
        }
        return instant
    }
}
