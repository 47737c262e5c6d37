public import Foundation
public import Roster

/// The delegates behind one of the dashboard's figures (a category, a country or a session), each with where they
/// stand today: inside the session's room, on site, arrived and gone, expected, or cancelled. Sorted by status in that
/// order, then organisation and name.
public struct AttendeeList: Codable, Sendable, Equatable {
    /// Which delegates: those of a category, of a country, or registered for a session (and anyone who went in).
    public enum Filter: Sendable, Equatable {
        case category(String)
        case country(String)
        case session(String)
    }

    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Inside the session's room now.
        case inside
        /// Went into the session and came out.
        case attended
        /// On site now.
        case onSite = "on-site"
        /// Arrived today and has left the site.
        case left
        /// Not arrived today.
        case expected
        case cancelled
    }

    public struct Attendee: Codable, Sendable, Equatable {
        public var reference: String
        public var name: String
        public var organisation: String
        public var country: String
        public var category: String
        public var status: Status
        /// Where they were last seen today (as the roll-call says it), and when.
        public var lastSeenAt: String?
        public var lastSeenTime: Date?
    }

    /// The event day the statuses are for.
    public var day: Int
    public var attendees: [Attendee]

    public init(event: Event, delegates: [Delegate], log: [LogEntry], filter: Filter, now: Date) {
        day = event.arrivalDay(at: now)
        let presence = PresenceReplay(log: log, event: event)
        let onSite = presence.onSite(on: day)
        let chosen = delegates.filter { delegate in
            switch filter {
            case .category(let code): delegate.category.caseInsensitiveCompare(code) == .orderedSame
            case .country(let code): delegate.country.caseInsensitiveCompare(code) == .orderedSame
            case .session(let code):
                delegate.sessions.contains { $0.caseInsensitiveCompare(code) == .orderedSame }
                    || presence.entrants[code.uppercased()]?.contains(delegate.reference) == true
            }
        }
        let day = day
        attendees = chosen.map { delegate in
            let reference = delegate.reference
            let seen = onSite[reference] ?? presence.lastSeen[reference]
            let status: Status =
                if case .session(let code) = filter, presence.inside[code.uppercased()]?.contains(reference) == true {
                    .inside
                } else if case .session(let code) = filter, presence.entrants[code.uppercased()]?.contains(reference) == true {
                    .attended
                } else if onSite[reference] != nil {
                    .onSite
                } else if presence.hasCheckedIn(reference, on: day) {
                    .left
                } else if delegate.status == .cancelled {
                    .cancelled
                } else {
                    .expected
                }
            return Attendee(
                reference: reference, name: delegate.displayName, organisation: delegate.organisation, country: delegate.country,
                category: delegate.category, status: status, lastSeenAt: seen.map(RollCall.place(of:)), lastSeenTime: seen?.at)
        }.sorted {
            let (a, b) = (Status.allCases.firstIndex(of: $0.status) ?? 0, Status.allCases.firstIndex(of: $1.status) ?? 0)
            return (a, $0.organisation.lowercased(), $0.name, $0.reference) < (b, $1.organisation.lowercased(), $1.name, $1.reference)
        }
    }
}
