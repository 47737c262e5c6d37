public import Foundation
public import Roster

/// What organisers watch, derived from the on-site log alone (and the roster it refers to): arrivals, who is on
/// site, each session's entries and occupancy against capacity, and no-shows.
public struct AttendanceReport: Codable, Sendable, Equatable {
    public struct Count: Codable, Sendable, Equatable {
        public var key: String
        public var count: Int

        public init(key: String, count: Int) {
            self.key = key
            self.count = count
        }
    }

    public struct Expected: Codable, Sendable, Equatable {
        /// A category code or a country code.
        public var key: String
        public var expected: Int
        public var checkedIn: Int
    }

    public struct SessionFigures: Codable, Sendable, Equatable {
        public var code: String
        public var title: String
        public var room: String
        public var day: Int
        public var capacity: Int
        /// Distinct delegates admitted in.
        public var entries: Int
        /// Inside now: admitted in, no exit since.
        public var occupancy: Int
    }

    /// The day the figures are for, or nil for the whole event.
    public var day: Int?
    /// First check-ins per event day (`"1"`, `"2"` …).
    public var arrivalsByDay: [Count]
    /// First check-ins per day and local hour (`"1 09:00"`).
    public var arrivalsByHour: [Count]
    public var byCategory: [Expected]
    public var byCountry: [Expected]
    /// Delegates seen today (checked in or admitted at a door) whose last scan was not an exit from an area.
    public var onSiteNow: Int
    public var sessions: [SessionFigures]
    /// Confirmed delegates expected (on `day`, or at all) who have not checked in.
    public var noShows: [String]

    /// Derives the report.
    /// - Parameters:
    ///   - day: Restrict expectations, arrivals and sessions to one event day.
    ///   - now: The moment "on site now" refers to.
    public init(event: Event, delegates: [Delegate], sessions: [Session], log: [LogEntry], day: Int?, now: Date) {
        self.day = day
        let zone = event.timeZone
        var firstCheckIn: [String: LogEntry] = [:]
        for entry in log where entry.kind == .checkIn {
            if let reference = entry.reference?.lowercased(), firstCheckIn[reference] == nil { firstCheckIn[reference] = entry }
        }
        let arrivals = firstCheckIn.values.filter { day == nil || event.dayNumber(at: $0.at) == day }
        arrivalsByDay = Self.counts(arrivals.compactMap { event.dayNumber(at: $0.at).map(String.init) })
        arrivalsByHour = Self.counts(arrivals.compactMap { entry in
            event.dayNumber(at: entry.at).map { "\($0) \(Self.hour(entry.at, zone))" }
        })

        let expected = delegates.filter { $0.status == .confirmed && (day.map($0.days.contains) ?? true) }
        let isCheckedIn = { (delegate: Delegate) in firstCheckIn[delegate.reference.lowercased()] != nil }
        byCategory = Self.expectations(expected, by: \.category, isCheckedIn)
        byCountry = Self.expectations(expected, by: \.country, isCheckedIn)
        noShows = expected.filter { !isCheckedIn($0) }.map(\.reference).sorted()

        let presence = PresenceReplay(log: log)
        self.sessions = sessions.filter { day == nil || $0.day == day }.map { session in
            SessionFigures(
                code: session.code, title: session.title, room: session.room, day: session.day, capacity: session.capacity,
                entries: presence.entrants[session.code]?.count ?? 0, occupancy: presence.inside[session.code]?.count ?? 0)
        }
        onSiteNow = presence.onSite(on: event.dayNumber(at: now), event: event).count
    }

    private static func counts(_ keys: [String]) -> [Count] {
        Dictionary(grouping: keys, by: { $0 }).map { Count(key: $0.key, count: $0.value.count) }.sorted { $0.key < $1.key }
    }

    private static func expectations(
        _ delegates: [Delegate], by key: KeyPath<Delegate, String>, _ isCheckedIn: (Delegate) -> Bool
    ) -> [Expected] {
        Dictionary(grouping: delegates, by: { $0[keyPath: key] }).map { key, group in
            Expected(key: key, expected: group.count, checkedIn: group.filter(isCheckedIn).count)
        }.sorted { $0.key < $1.key }
    }

    private static func hour(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return String(format: "%02d:00", calendar.component(.hour, from: date))
    }
}
