public import Foundation

/// Times as people at the event see them: in the event's time zone, whatever the host's is.
extension Event {
    /// The event day an arrival at `instant` counts for: the day it falls on, the first day for an arrival before
    /// the event (badges collected the evening before), the last day after it.
    public func arrivalDay(at moment: Date) -> Int {
        if let day = dayNumber(at: moment) { return day }
        guard let start = instant(day: 1, time: "00:00") else { return 1 }
        return moment < start ? 1 : dayCount
    }

    /// `HH:MM` in the event's time zone.
    public func clockTime(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// `YYYY-MM-DD HH:MM` in the event's time zone.
    public func localDateTime(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return String(format: "%04d-%02d-%02d ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0) + clockTime(instant)
    }

    /// ISO 8601 with the event's offset at that instant, `2027-03-09T14:05:00+00:00`: local and unambiguous.
    public func localISO8601(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        let offset = timeZone.secondsFromGMT(for: instant)
        let sign = offset < 0 ? "-" : "+"
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, sign, abs(offset) / 3600, abs(offset) % 3600 / 60)
    }

    /// Reads a time as a person writes it: ISO 8601 `YYYY-MM-DDTHH:MM`, with or without seconds, with an offset
    /// (`Z`, `+02:00`) or without one (then it is the event's local time).
    /// - Throws: ``LanyardError`` `invalidInput` for text that is not such a time, an impossible date (30
    ///   February), or a local time the clocks skip when they go forward.
    public func parseTime(_ text: String) throws -> Date {
        let pattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/
        guard let match = text.trimmingCharacters(in: .whitespaces).wholeMatch(of: pattern) else {
            throw LanyardError(
                .invalidInput, "“\(text)” is not a time.",
                remedy: "Write it as YYYY-MM-DDTHH:MM (event time), with seconds if you like, or with an offset such as +02:00.")
        }
        let number = { (text: Substring?) in text.flatMap { Int($0) } ?? 0 }
        var parts = DateComponents(
            year: number(match.1), month: number(match.2), day: number(match.3), hour: number(match.4),
            minute: number(match.5), second: number(match.6))
        var zone = timeZone
        if let offset = match.7 {
            zone = try Self.zone(offset: offset, in: text)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        parts.calendar = calendar
        guard (0...23).contains(parts.hour!), (0...59).contains(parts.minute!), (0...59).contains(parts.second!),
            Self.isRealDate(year: parts.year!, month: parts.month!, day: parts.day!)
        else {
            throw LanyardError(.invalidInput, "“\(text)” is not a real date and time.", remedy: "Check the day, month and hour.")
        }
        let fields: [Calendar.Component] = [.year, .month, .day, .hour, .minute, .second]
        guard let instant = calendar.date(from: parts),
            fields.allSatisfy({ calendar.component($0, from: instant) == parts.value(for: $0) })
        else {
            throw LanyardError(
                .invalidInput, "\(text) does not exist in \(timeZoneIdentifier): the clocks go forward at that hour.",
                remedy: "Give the time with its offset, or a time outside the change of clocks.")
        }
        return instant
    }

    private static func zone(offset: Substring, in text: String) throws -> TimeZone {
        if offset == "Z" { return .gmt }
        let digits = offset.dropFirst().filter(\.isNumber)
        let hours = Int(digits.prefix(2)) ?? 0, minutes = Int(digits.dropFirst(2)) ?? 0
        guard hours <= 14, minutes < 60, let zone = TimeZone(secondsFromGMT: (offset.first == "-" ? -1 : 1) * (hours * 3600 + minutes * 60))
        else {
            throw LanyardError(.invalidInput, "“\(text)” has an offset no place uses.", remedy: "Offsets run from -12:00 to +14:00.")
        }
        return zone
    }

    private static func isRealDate(year: Int, month: Int, day: Int) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return DateComponents(year: year, month: month, day: day).isValidDate(in: calendar)
    }

    /// A Gregorian calendar in the event's time zone.
    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
