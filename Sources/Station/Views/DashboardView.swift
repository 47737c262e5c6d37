public import Attendance
public import Foundation

/// What an organiser watches, as one JSON document the dashboard redraws from: `{generatedAt, day, days, totals,
/// arrivalsChart, arrivalsByDayChart, arrivalsByQuarter, arrivalsByDay, byCategory, byCountry, sessions,
/// deniedByReason, printers, printSystemProblem?, stations}`. Figures are for today's event day, unless they say
/// otherwise; the charts are SVG drawn by the server.
public struct DashboardView: Encodable, Sendable {
    public struct Totals: Encodable, Sendable {
        /// Confirmed delegates expected today.
        public var expected: Int
        public var checkedIn: Int
        public var onSite: Int
        public var noShows: Int
        /// Arrivals over the whole event so far (a delegate counts once a day).
        public var arrivalsSoFar: Int
    }

    public struct CategoryFigures: Encodable, Sendable {
        public var code: String
        public var name: String
        public var expected: Int
        public var checkedIn: Int
    }

    public struct SessionFigures: Encodable, Sendable {
        public var code: String
        public var title: String
        public var room: String
        public var day: Int
        public var start: String
        public var end: String
        public var capacity: Int
        public var entries: Int
        public var occupancy: Int
        /// 90 % full or more.
        public var isNearCapacity: Bool
        public var isFull: Bool
    }

    public struct PrinterFigures: Encodable, Sendable {
        public var queue: String
        public var usable: Bool
        public var problem: String?
        /// Badges waiting for, or printing on, this printer.
        public var waiting: Int
    }

    public struct StationFigures: Encodable, Sendable {
        public var name: String
        /// The last thing it recorded.
        public var lastContact: Date
        /// Whether it is the station serving this page.
        public var isThisStation: Bool
        /// On a hub, for a station joined to it: how many of the hub's entries it has not pulled yet.
        public var behind: Int64?
    }

    /// On a station joined to a hub: the hub, and when this station last exchanged entries with it.
    public struct HubFigures: Encodable, Sendable {
        public var url: String
        public var lastContact: Date?
    }

    public var generatedAt: Date
    public var day: Int
    public var days: Int
    public var totals: Totals
    /// Today's arrivals per quarter of an hour.
    public var arrivalsChart: String
    /// Arrivals per event day.
    public var arrivalsByDayChart: String
    public var arrivalsByQuarter: [AttendanceReport.Count]
    public var arrivalsByDay: [AttendanceReport.Count]
    public var byCategory: [CategoryFigures]
    public var byCountry: [AttendanceReport.Expected]
    public var sessions: [SessionFigures]
    public var deniedByReason: [AttendanceReport.Count]
    public var printers: [PrinterFigures]
    /// Why the printers cannot be listed (CUPS not answering).
    public var printSystemProblem: String?
    /// Badges waiting for any printer.
    public var unassignedPrintJobs: Int
    public var stations: [StationFigures]
    public var hub: HubFigures?
}
