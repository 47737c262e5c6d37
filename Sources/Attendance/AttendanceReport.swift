public import Foundation
public import Roster

/// What organisers watch, derived from the on-site log alone (and the roster it refers to): arrivals per day,
/// who is on site, each session's entries and occupancy against capacity, and no-shows.
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
    /// Arrivals at a desk per event day (`"1"`, `"2"` …), every day whatever `day` is, so that a day can be set
    /// against the others: a delegate returning on day 2 counts on day 2 too.
    public var arrivalsByDay: [Count]
    /// Arrivals per day and local hour (`"1 09:00"`), in the event's time zone.
    public var arrivalsByHour: [Count]
    /// Arrivals per day and quarter of an hour (`"1 09:15"`), in the event's time zone.
    public var arrivalsByQuarter: [Count]
    public var byCategory: [Expected]
    public var byCountry: [Expected]
    /// Delegates on site now: arrived today and not gone out through a site exit since.
    public var onSiteNow: Int
    public var sessions: [SessionFigures]
    /// Confirmed delegates expected (on `day`, or at all) who have not checked in (that day, or at all), in the order
    /// of the delegates given (the roster's: by family name).
    public var noShows: [String]
    /// Scans denied (on `day`, or at all) by reason code (`already-inside`, `bad-signature` …); annulled ones left out.
    public var deniedByReason: [Count]

    /// Derives the report.
    /// - Parameters:
    ///   - day: Restrict expectations, arrivals (but the count per day), denials and sessions to one event day.
    ///   - now: The moment "on site now" refers to.
    public init(event: Event, delegates: [Delegate], sessions: [Session], log: [LogEntry], day: Int?, now: Date) {
        self.init(event: event, roster: RosterTally(delegates), sessions: sessions, log: log, day: day, now: now)
    }

    /// Derives the report from a roster already tallied (kept while the roster does not change).
    public init(event: Event, roster: RosterTally, sessions: [Session], log: [LogEntry], day: Int?, now: Date) {
        self.day = day
        let presence = PresenceReplay(log: log, event: event)
        let everyArrival = presence.arrivals.values.flatMap { days in days.map { (day: $0.key, entry: $0.value) } }
        let arrivals = everyArrival.filter { day == nil || $0.day == day }
        arrivalsByDay = Self.counts(everyArrival.map { String($0.day) })
        arrivalsByHour = Self.counts(arrivals.map { "\($0.day) \(event.clockTime($0.entry.at).prefix(2)):00" })
        arrivalsByQuarter = Self.counts(arrivals.map { "\($0.day) \(Self.quarter(of: event.clockTime($0.entry.at)))" })
        deniedByReason = Self.counts(
            presence.counted.compactMap { entry in
                guard let scan = entry.details.scan, scan.verdict == .deny, day.map({ event.arrivalDay(at: entry.at) == $0 }) ?? true
                else { return nil }
                return scan.reason
            })

        // Counting over flat arrays: the roster may hold 100,000 delegates, and the dashboard asks twice a second.
        var arrived = [Bool](repeating: false, count: roster.references.count)
        for (reference, days) in presence.arrivals where day.map({ days[$0] != nil }) ?? !days.isEmpty {
            if let index = roster.indexByReference[reference] { arrived[index] = true }
        }
        var expectedByCategory = [Int](repeating: 0, count: roster.categoryCodes.count), checkedByCategory = expectedByCategory
        var expectedByCountry = [Int](repeating: 0, count: roster.countryCodes.count), checkedByCountry = expectedByCountry
        var noShows: [String] = []
        for index in roster.references.indices where roster.isExpected(index, on: day) {
            let (category, country) = (Int(roster.categoryIndices[index]), Int(roster.countryIndices[index]))
            expectedByCategory[category] += 1
            expectedByCountry[country] += 1
            if arrived[index] {
                checkedByCategory[category] += 1
                checkedByCountry[country] += 1
            } else {
                noShows.append(roster.references[index])
            }
        }
        byCategory = Self.expectations(roster.categoryCodes, expectedByCategory, checkedByCategory)
        byCountry = Self.expectations(roster.countryCodes, expectedByCountry, checkedByCountry)
        self.noShows = noShows

        self.sessions = sessions.filter { day == nil || $0.day == day }.map { session in
            SessionFigures(
                code: session.code, title: session.title, room: session.room, day: session.day, capacity: session.capacity,
                entries: presence.entrants[session.code]?.count ?? 0, occupancy: presence.inside[session.code]?.count ?? 0)
        }
        onSiteNow = presence.onSite(on: event.arrivalDay(at: now)).count
    }

    /// `"09:37"` → `"09:30"`.
    private static func quarter(of clock: String) -> String {
        let minutes = Int(clock.suffix(2)) ?? 0
        return "\(clock.prefix(3))\(String(format: "%02d", minutes / 15 * 15))"
    }

    private static func expectations(_ codes: [String], _ expected: [Int], _ checkedIn: [Int]) -> [Expected] {
        codes.indices.filter { expected[$0] > 0 }.map { Expected(key: codes[$0], expected: expected[$0], checkedIn: checkedIn[$0]) }
            .sorted { $0.key < $1.key }
    }

    private static func counts(_ keys: [String]) -> [Count] {
        Dictionary(grouping: keys, by: { $0 }).map { Count(key: $0.key, count: $0.value.count) }.sorted { $0.key < $1.key }
    }

}
