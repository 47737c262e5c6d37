public import Foundation

/// The conference a data folder belongs to: its name, venue, days and time zone.
///
/// Sessions give their day as a number (1, 2, 3 …); the event maps each to a calendar date.
public struct Event: Codable, Sendable, Equatable {
    /// Stable identifier, carried in every badge so that a badge of another event is refused.
    public var id: UUID
    public var name: String
    public var venue: String
    /// The first day, `YYYY-MM-DD`.
    public var firstDay: String
    /// How many days the event lasts.
    public var dayCount: Int
    /// An IANA time zone identifier such as `Europe/London`; session times are local to it.
    public var timeZoneIdentifier: String

    /// Creates an event after checking its dates and time zone.
    /// - Throws: ``LanyardError`` with code `invalidInput` when the date, day count or time zone is wrong.
    public init(
        id: UUID = UUID(), name: String, venue: String, firstDay: String, dayCount: Int, timeZoneIdentifier: String
    ) throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw LanyardError(.invalidInput, "The event needs a name.", remedy: "Give the event a name.")
        }
        guard Self.calendarDate(firstDay) != nil else {
            throw LanyardError(
                .invalidInput, "The first day “\(firstDay)” is not a date.", remedy: "Write it as YYYY-MM-DD.")
        }
        guard (1...31).contains(dayCount) else {
            throw LanyardError(.invalidInput, "An event lasts 1 to 31 days, not \(dayCount).")
        }
        guard TimeZone(identifier: timeZoneIdentifier) != nil else {
            throw LanyardError(
                .invalidInput, "“\(timeZoneIdentifier)” is not a time zone.",
                remedy: "Use an IANA name such as Europe/London.")
        }
        self.id = id
        self.name = name
        self.venue = venue
        self.firstDay = firstDay
        self.dayCount = dayCount
        self.timeZoneIdentifier = timeZoneIdentifier
    }

    /// The event's time zone.
    public var timeZone: TimeZone { TimeZone(identifier: timeZoneIdentifier) ?? .gmt }

    /// The calendar date (`YYYY-MM-DD`) of day `number` (1-based), or nil outside the event.
    public func date(ofDay number: Int) -> String? {
        guard (1...dayCount).contains(number), let first = Self.calendarDate(firstDay) else { return nil }
        let day = Self.gregorian(in: .gmt).date(byAdding: .day, value: number - 1, to: first)!
        let parts = Self.gregorian(in: .gmt).dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// The event day (1-based) that `instant` falls on in the event's time zone, or nil outside the event.
    public func dayNumber(at instant: Date) -> Int? {
        guard let first = Self.calendarDate(firstDay) else { return nil }
        let local = Self.gregorian(in: timeZone).dateComponents([.year, .month, .day], from: instant)
        guard let localDay = Self.gregorian(in: .gmt).date(from: local) else { return nil }
        let offset = Self.gregorian(in: .gmt).dateComponents([.day], from: first, to: localDay).day ?? -1
        return (0..<dayCount).contains(offset) ? offset + 1 : nil
    }

    /// The instant at which local time `hhmm` (`HH:MM`) of day `number` begins, in the event's time zone.
    public func instant(day number: Int, time hhmm: String) -> Date? {
        guard let date = date(ofDay: number) else { return nil }
        let day = date.split(separator: "-").compactMap { Int($0) }
        let time = hhmm.split(separator: ":").compactMap { Int($0) }
        guard time.count == 2 else { return nil }
        let components = DateComponents(year: day[0], month: day[1], day: day[2], hour: time[0], minute: time[1])
        return Self.gregorian(in: timeZone).date(from: components)
    }

    private static func gregorian(in zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    private static func calendarDate(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10 else { return nil }
        let calendar = gregorian(in: .gmt)
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }
}
