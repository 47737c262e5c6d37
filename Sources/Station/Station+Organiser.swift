public import Attendance
import DelimitedText
public import Foundation
import Roster
import RosterStore

extension Station {
    /// Arrivals, on site now, session occupancy against capacity and no-shows, from the on-site log.
    /// - Parameter day: One event day, or the whole event.
    public func attendance(day: Int? = nil, at now: Date = Date()) async throws -> AttendanceReport {
        let (event, held) = (event, await heldScans())
        return try await store { database in
            AttendanceReport(
                event: event, delegates: try database.delegates(), sessions: try database.sessions(),
                log: Self.log(try database.logEntries(), with: held), day: day, now: now)
        }
    }

    /// Everyone on site now and where they were last seen, for an evacuation: with the scans the doors answered and
    /// have not stored yet.
    public func rollCall(at now: Date = Date()) async throws -> RollCall {
        let (event, held) = (event, await heldScans())
        return try await store { database in
            RollCall(event: event, delegates: try database.delegates(), log: Self.log(try database.logEntries(), with: held), now: now)
        }
    }

    /// The roll-call as CSV (RFC 4180, formula cells neutralised), times in the event's time zone with their offset.
    public func rollCallCSV(at now: Date = Date()) async throws -> String {
        let rollCall = try await rollCall(at: now)
        var csv = CSVWriter(header: ["reference", "name", "organisation", "last_seen_at", "last_seen_time"])
        for person in rollCall.people {
            csv.append([person.reference, person.name, person.organisation, person.lastSeenAt, event.localISO8601(person.lastSeenTime)])
        }
        return csv.text
    }
}

extension Station {
    /// The badges admitted into a place while their holder was already inside by another station's scan: what
    /// doors cut off from each other did, found once their logs were merged.
    public func doubleAdmissions() async throws -> [DoubleAdmission] {
        let held = await heldScans()
        return try await store { database in DoubleAdmission.find(in: Self.log(try database.logEntries(), with: held)) }
    }
}
