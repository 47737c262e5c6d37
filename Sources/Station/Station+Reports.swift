import Attendance
import BadgeRendering
import DelimitedText
public import Foundation
import Roster
import RosterStore

/// The reports an organiser downloads. Every CSV is RFC 4180 with formula cells neutralised, times in the event's
/// zone with their offset.
extension Station {
    /// Attendance per session: registered, distinct entries, inside now, against capacity.
    public func attendanceCSV(at now: Date = Date()) async throws -> String {
        let (event, held) = (event, await heldScans())
        let (report, delegates) = try await store { database in
            let delegates = try database.delegates()
            return (
                AttendanceReport(
                    event: event, delegates: delegates, sessions: try database.sessions(),
                    log: Self.log(try database.logEntries(), with: held), day: nil, now: now),
                delegates
            )
        }
        var registered: [String: Int] = [:]
        for delegate in delegates where delegate.status == .confirmed {
            for session in delegate.sessions { registered[session.uppercased(), default: 0] += 1 }
        }
        var csv = CSVWriter(header: ["session", "title", "room", "day", "capacity", "registered", "entries", "inside_now"])
        for session in report.sessions {
            csv.append([
                session.code, session.title, session.room, String(session.day), String(session.capacity),
                String(registered[session.code.uppercased()] ?? 0), String(session.entries), String(session.occupancy),
            ])
        }
        return csv.text
    }

    /// Confirmed delegates expected on `day` (today when nil) who have not arrived.
    public func noShowsCSV(day: Int? = nil, at now: Date = Date()) async throws -> String {
        let (event, held) = (event, await heldScans())
        let day = day ?? event.arrivalDay(at: now)
        let (report, delegates) = try await store { database in
            let delegates = try database.delegates()
            return (
                AttendanceReport(
                    event: event, delegates: delegates, sessions: [], log: Self.log(try database.logEntries(), with: held), day: day,
                    now: now), delegates
            )
        }
        let byReference = Dictionary(delegates.map { ($0.reference, $0) }, uniquingKeysWith: { a, _ in a })
        var csv = CSVWriter(header: ["day", "reference", "name", "organisation", "country", "category", "email"])
        for reference in report.noShows {
            guard let delegate = byReference[reference] else { continue }
            csv.append([
                String(day), reference, delegate.displayName, delegate.organisation, delegate.country, delegate.category, delegate.email,
            ])
        }
        return csv.text
    }

    /// Everything the log recorded on event `day` (today when nil): who did what, where, and when.
    public func auditCSV(day: Int? = nil, at now: Date = Date()) async throws -> String {
        let event = event
        let day = day ?? event.arrivalDay(at: now)
        let held = await heldScans()
        let entries = Self.log(try await store { try $0.logEntries() }, with: held).filter { event.arrivalDay(at: $0.at) == day }
        let encoder = StationJSON.encoder()
        var csv = CSVWriter(header: ["time", "kind", "reference", "station", "staff", "details", "id"])
        for entry in entries.sorted(by: { $0.at < $1.at }) {
            let details = (try? encoder.encode(DetailsOnly(details: entry.details))).map { String(decoding: $0, as: UTF8.self) } ?? ""
            csv.append([
                event.localISO8601(entry.at), entry.kind.rawValue, entry.reference ?? "", entry.station, entry.staff ?? "", details,
                entry.id.uuidString,
            ])
        }
        return csv.text
    }

    /// The roll-call as a printable A4 PDF, sorted by organisation: everyone on site now and where they were last seen.
    public func rollCallPDF(at now: Date = Date()) async throws -> Data {
        let rollCall = try await rollCall(at: now)
        let event = event
        let document = TableDocument(
            title: "Roll-call · \(event.name)",
            subtitle: "\(rollCall.people.count) on site at \(event.localDateTime(now)) (day \(rollCall.day)), by organisation · station \(name)",
            columns: [.init("Organisation", weight: 3), .init("Name", weight: 3), .init("Reference", weight: 1.6), .init("Last seen", weight: 2.4)],
            rows: rollCall.people.map { person in
                [person.organisation, person.name, person.reference, "\(person.lastSeenAt) · \(event.clockTime(person.lastSeenTime))"]
            })
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-rollcall-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: url) }
        try await DispatchQueue.blocking.perform { try document.writePDF(to: url) }
        return try Data(contentsOf: url)
    }
}

/// An entry's details alone, as the log's JSON has them.
private struct DetailsOnly: Encodable {
    let details: LogDetails

    func encode(to encoder: any Encoder) throws { try details.encode(to: encoder) }
}
