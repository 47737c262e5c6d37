import DelimitedText
import Foundation
import Roster

/// Reads the categories and sessions files of Lanyard's roster format; a bad row becomes a ``RowProblem``.
enum ProgrammeFileReader {
    static func categories(_ table: DelimitedTable, file: String) -> ([Category], [RowProblem]) {
        let columns = Columns(table.header)
        var categories: [Category] = []
        var problems: [RowProblem] = []
        for record in table.records {
            let code = columns.value("code", record), name = columns.value("name", record)
            let lawEnforcement = columns.value("lawenforcement", record).lowercased()
            guard !code.isEmpty else {
                problems.append(RowProblem(file: file, line: record.line, reference: nil, reason: "The category has no code."))
                continue
            }
            guard ["yes", "no", "true", "false", "1", "0", ""].contains(lawEnforcement) else {
                problems.append(
                    RowProblem(
                        file: file, line: record.line, reference: code,
                        reason: "law_enforcement is “\(lawEnforcement)”; write yes or no."))
                continue
            }
            categories.append(
                Category(
                    code: code.uppercased(), name: name.isEmpty ? code : name,
                    isLawEnforcement: ["yes", "true", "1"].contains(lawEnforcement)))
        }
        return (categories, problems)
    }

    static func sessions(_ table: DelimitedTable, file: String, dayCount: Int) -> ([Session], [RowProblem]) {
        let columns = Columns(table.header)
        var sessions: [Session] = []
        var problems: [RowProblem] = []
        for record in table.records {
            let code = columns.value("code", record).uppercased()
            func problem(_ reason: String) {
                problems.append(RowProblem(file: file, line: record.line, reference: code.isEmpty ? nil : code, reason: reason))
            }
            guard !code.isEmpty else {
                problem("The session has no code.")
                continue
            }
            guard let day = Int(columns.value("day", record)), (1...dayCount).contains(day) else {
                problem("Its day “\(columns.value("day", record))” is not a day of the event (1 to \(dayCount)).")
                continue
            }
            let start = columns.value("start", record), end = columns.value("end", record)
            guard Self.isTime(start), Self.isTime(end), start < end else {
                problem("Its times “\(start)”–“\(end)” are not HH:MM with the start before the end.")
                continue
            }
            guard let capacity = Int(columns.value("capacity", record)), capacity > 0 else {
                problem("Its capacity “\(columns.value("capacity", record))” is not a positive number.")
                continue
            }
            guard let access = AccessRule(notation: columns.value("access", record)) else {
                problem(
                    "Its access “\(columns.value("access", record))” is not all, registered, registered+law-enforcement, invitation or categories:CODE;CODE."
                )
                continue
            }
            sessions.append(
                Session(
                    code: code, day: day, start: start, end: end, title: columns.value("title", record),
                    room: columns.value("room", record), capacity: capacity, access: access))
        }
        return (sessions, problems)
    }

    private static func isTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return false }
        return (0..<24).contains(hour) && (0..<60).contains(minute)
    }

    /// Column lookup by normalised header.
    private struct Columns {
        let index: [String: Int]
        init(_ header: [String]) {
            index = Dictionary(header.enumerated().map { (RosterField.normalise($1), $0) }, uniquingKeysWith: { a, _ in a })
        }
        func value(_ name: String, _ record: DelimitedTable.Record) -> String {
            guard let i = index[name], i < record.fields.count else { return "" }
            return record.fields[i]
        }
    }
}
