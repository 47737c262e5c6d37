public import Attendance
public import Foundation
import PrintQueue
import Roster
import RosterStore
import Synchronization

extension Station {
    /// What an organiser watches now: today's arrivals (a chart per quarter hour and one per day), checked in against
    /// expected by category and country, on site, each session against its capacity, no-shows, denied scans by
    /// reason, printers with their queues, and the stations heard from.
    public func dashboard(at now: Date = Date()) async throws -> DashboardView {
        let event = event
        let day = event.arrivalDay(at: now)
        let held = await heldScans()
        let (today, sessions, categories, jobs, stations) = try await store { database in
            let sessions = try database.sessions()
            let log = Self.log(try database.logEntries(), with: held)
            let roster = try self.tally(database)
            return (
                AttendanceReport(event: event, roster: roster, sessions: sessions, log: log, day: day, now: now),
                sessions, try database.categories(), try database.unfinishedPrintJobs(), Self.lastContacts(log)
            )
        }
        let names = Dictionary(categories.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let timesByCode = Dictionary(sessions.map { ($0.code, ($0.start, $0.end)) }, uniquingKeysWith: { a, _ in a })
        let (printers, problem) = await printerFigures(jobs)
        return DashboardView(
            generatedAt: now, day: day, days: event.dayCount,
            totals: .init(
                expected: today.byCategory.reduce(0) { $0 + $1.expected }, checkedIn: today.byCategory.reduce(0) { $0 + $1.checkedIn },
                onSite: today.onSiteNow, noShows: today.noShows.count, arrivalsSoFar: today.arrivalsByDay.reduce(0) { $0 + $1.count }),
            arrivalsChart: Self.quarterChart(today.arrivalsByQuarter, day: day, now: event.clockTime(now)).svg,
            arrivalsByDayChart: BarChart(
                bars: (1...event.dayCount).map { number in
                    BarChart.Bar(label: "Day \(number)", value: today.arrivalsByDay.first { $0.key == String(number) }?.count ?? 0)
                }, title: "Arrivals per day", height: 130
            ).svg,
            arrivalsByQuarter: today.arrivalsByQuarter, arrivalsByDay: today.arrivalsByDay,
            byCategory: today.byCategory.map { .init(code: $0.key, name: names[$0.key] ?? $0.key, expected: $0.expected, checkedIn: $0.checkedIn) },
            byCountry: today.byCountry,
            sessions: today.sessions.map { session in
                let times = timesByCode[session.code] ?? ("", "")
                return .init(
                    code: session.code, title: session.title, room: session.room, day: session.day, start: times.0, end: times.1,
                    capacity: session.capacity, entries: session.entries, occupancy: session.occupancy,
                    isNearCapacity: session.capacity > 0 && session.occupancy * 10 >= session.capacity * 9,
                    isFull: session.capacity > 0 && session.occupancy >= session.capacity)
            },
            deniedByReason: today.deniedByReason, printers: printers, printSystemProblem: problem,
            unassignedPrintJobs: jobs.filter { $0.queue == nil }.count,
            stations: try await stationFigures(heardInLog: stations), hub: try await hubFigures())
    }

    /// The stations heard from in the log and, on a hub, the stations joined to it, with their last contact and lag.
    private func stationFigures(heardInLog heard: [String: Date]) async throws -> [DashboardView.StationFigures] {
        var figures = heard.mapValues { DashboardView.StationFigures(name: "", lastContact: $0, isThisStation: false) }
        for peer in try await syncPeers() {
            let logged = figures[peer.station]?.lastContact ?? .distantPast
            figures[peer.station] = .init(name: "", lastContact: max(logged, peer.lastContact), isThisStation: false, behind: peer.behind)
        }
        return figures.map { name, figure in
            var figure = figure
            figure.name = name
            figure.isThisStation = name == self.name
            return figure
        }.sorted { $0.name < $1.name }
    }

    /// The delegates behind a figure of the dashboard, with where each stands today.
    public func attendees(_ filter: AttendeeList.Filter, at now: Date = Date()) async throws -> AttendeeList {
        let (event, held) = (event, await heldScans())
        return try await store { database in
            AttendeeList(
                event: event, delegates: try database.delegates(), log: Self.log(try database.logEntries(), with: held), filter: filter,
                now: now)
        }
    }

    /// The roster as attendance counts it: kept until the roster's revision moves on.
    private func tally(_ database: RosterDatabase) throws -> RosterTally {
        let revision = try database.rosterRevision()
        if let kept = rosterTally.withLock({ $0?.revision == revision ? $0?.tally : nil }) { return kept }
        let confirmed = try database.confirmedForAttendance()
        let tally = RosterTally(confirmed: confirmed.delegates)
        rosterTally.withLock { $0 = (confirmed.revision, tally) }
        return tally
    }

    /// The printers with the badges waiting for each, or why CUPS cannot say.
    private func printerFigures(_ jobs: [PrintJob]) async -> ([DashboardView.PrinterFigures], String?) {
        do {
            let states = try await printers()
            return (
                states.map { state in
                    .init(queue: state.queue, usable: state.isUsable, problem: state.problem, waiting: jobs.filter { $0.queue == state.queue }.count)
                }, nil
            )
        } catch {
            return ([], "\(error)")
        }
    }

    /// Each station (or door) that recorded something, and when it last did.
    private static func lastContacts(_ log: [LogEntry]) -> [String: Date] {
        log.reduce(into: [:]) { last, entry in last[entry.station] = max(last[entry.station] ?? entry.at, entry.at) }
    }

    /// Today's quarters from the first arrival (or 08:00) to the later of now and the last arrival, at least four hours.
    private static func quarterChart(_ quarters: [AttendanceReport.Count], day: Int, now: String) -> BarChart {
        let prefix = "\(day) "
        let counts = Dictionary(
            quarters.filter { $0.key.hasPrefix(prefix) }.map { (Self.minutes($0.key.dropFirst(prefix.count)), $0.count) },
            uniquingKeysWith: +)
        let first = min(counts.keys.min() ?? 8 * 60, 8 * 60) / 60 * 60
        let last = max(counts.keys.max() ?? 0, Self.minutes(Substring(now)) / 15 * 15, first + 4 * 60 - 15)
        let bars = stride(from: first, through: min(last, 24 * 60 - 15), by: 15).map { minute in
            BarChart.Bar(label: String(format: "%02d:%02d", minute / 60, minute % 60), value: counts[minute] ?? 0, isLabelled: minute % 60 == 0)
        }
        return BarChart(bars: bars, title: "Arrivals today per quarter of an hour")
    }

    private static func minutes(_ clock: Substring) -> Int {
        let parts = clock.split(separator: ":")
        return (Int(parts.first ?? "") ?? 0) * 60 + (Int(parts.dropFirst().first ?? "") ?? 0)
    }
}
