import Foundation
import GRDB
import Roster

/// The log's details as stores before v6 kept them (a dictionary of strings), and their rewriting into typed
/// ``LogDetails``.
enum LegacyLogDetails {
    /// The triggers that keep the log append-only.
    static func createAppendOnlyTriggers(_ db: Database) throws {
        for action in ["UPDATE", "DELETE"] {
            try db.execute(
                sql: """
                    CREATE TRIGGER logIsAppendOnly\(action.capitalized) BEFORE \(action) ON log
                    BEGIN SELECT RAISE(ABORT, 'the on-site log is append-only'); END
                    """)
        }
    }

    /// Rewrites every row's details, lifting the append-only triggers for that one pass.
    static func rewrite(_ db: Database) throws {
        let event = try Row.fetchOne(db, sql: "SELECT firstDay, dayCount, timeZone, name FROM event").flatMap { row in
            try? Event(name: row["name"], venue: "", firstDay: row["firstDay"], dayCount: row["dayCount"], timeZoneIdentifier: row["timeZone"])
        }
        try db.execute(sql: "DROP TRIGGER logIsAppendOnlyUpdate; DROP TRIGGER logIsAppendOnlyDelete")
        let rows = try Row.fetchAll(db, sql: "SELECT position, kind, at, details FROM log")
        for row in rows {
            let old = (try? JSONDecoder().decode([String: String].self, from: Data((row["details"] as String).utf8))) ?? [:]
            let at: Date = row["at"]
            guard let kind = LogKind(rawValue: row["kind"]) else { continue }
            let details = typed(kind, old, day: event?.arrivalDay(at: at) ?? 1)
            let entry = try LogRow(LogEntry(at: at, reference: nil, station: "", details: details))
            try db.execute(sql: "UPDATE log SET details = ? WHERE position = ?", arguments: [entry.details, row["position"]])
        }
        try createAppendOnlyTriggers(db)
    }

    private static func typed(_ kind: LogKind, _ old: [String: String], day: Int) -> LogDetails {
        let serial = old["serial"].flatMap { Int($0) }
        switch kind {
        case .checkIn:
            return .checkIn(CheckInDetails(day: day, forced: old["forced"] == "true"))
        case .checkOut:
            return .checkOut(CheckOutDetails(day: day))
        case .badgeIssued:
            return .badgeIssued(BadgeIssueDetails(serial: serial ?? 1, isReprint: old["reprint"] == "true"))
        case .badgeRevoked:
            return .badgeRevoked(BadgeRevocationDetails(serial: serial ?? 1, reason: old["reason"] ?? "revoked"))
        case .scan:
            return .scan(
                ScanDetails(
                    door: old["door"] ?? "", direction: Direction(rawValue: old["direction"] ?? "") ?? .in,
                    verdict: Verdict(rawValue: old["verdict"] ?? "") ?? .deny, reason: old["reason"] ?? "", serial: serial,
                    claimedReference: old["claimedReference"]))
        case .print:
            return .print(PrintDetails(key: old["key"] ?? "", outcome: .printed, queue: old["queue"], serial: serial))
        case .walkIn, .nameCorrected, .flagged, .flagAcknowledged, .checkInUndone, .scanAnnulled:
            // Kinds that came after v6: no store of that age holds them.
            return .checkOut(CheckOutDetails(day: day))
        }
    }
}
