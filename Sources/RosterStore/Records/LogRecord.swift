import Foundation
import GRDB
import Roster

/// A row of the append-only `log` table.
struct LogRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "log"

    enum Columns {
        static let position = Column("position")
        static let reference = Column(CodingKeys.reference)
        static let kind = Column(CodingKeys.kind)
        static let at = Column(CodingKeys.at)
    }

    var id: String
    var at: Date
    var kind: String
    var reference: String?
    var station: String
    var details: [String: String]

    init(_ entry: LogEntry) {
        id = entry.id.uuidString
        at = entry.at
        kind = entry.kind.rawValue
        reference = entry.reference
        station = entry.station
        details = entry.details
    }

    var entry: LogEntry {
        LogEntry(
            id: UUID(uuidString: id) ?? UUID(), at: at, kind: LogEntry.Kind(rawValue: kind), reference: reference,
            station: station, details: details)
    }
}
