import Foundation
import GRDB
import Roster

/// A row of the append-only `log` table: the entry's kind in a column of its own, its typed details as JSON.
struct LogRow: FetchableRecord, PersistableRecord {
    static let databaseTableName = "log"

    enum Columns {
        static let position = Column("position")
        static let id = Column("id")
        static let reference = Column("reference")
        static let kind = Column("kind")
        static let at = Column("at")
        static let staff = Column("staff")
        static let station = Column("station")
        static let sequence = Column("sequence")
    }

    /// The row's place in the log, once stored: the order entries reached this store.
    var position: Int64?
    var id: String
    var at: Date
    var kind: String
    var reference: String?
    var station: String
    var sequence: Int64?
    var staff: String?
    /// The entry's ``LogDetails`` as JSON.
    var details: String

    init(_ entry: LogEntry) throws {
        id = entry.id.uuidString
        at = entry.at
        kind = entry.kind.rawValue
        reference = entry.reference
        station = entry.station
        sequence = entry.sequence
        staff = entry.staff
        details = String(decoding: try JSONEncoder().encode(DetailsBox(entry.details)), as: UTF8.self)
    }

    init(row: Row) throws {
        position = row["position"]
        id = row["id"]
        at = row["at"]
        kind = row["kind"]
        reference = row["reference"]
        station = row["station"]
        sequence = row["sequence"]
        staff = row["staff"]
        details = row["details"]
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["at"] = at
        container["kind"] = kind
        container["reference"] = reference
        container["station"] = station
        container["sequence"] = sequence
        container["staff"] = staff
        container["details"] = details
    }

    /// The entry this row holds.
    /// - Throws: ``LanyardError`` `storeFailure` for a kind or details this version does not know.
    func entry() throws -> LogEntry {
        guard let kind = LogKind(rawValue: kind), let uuid = UUID(uuidString: id) else {
            throw LanyardError(.storeFailure, "The log entry \(id) has the unknown kind “\(kind)”.", remedy: "Update Lanyard.")
        }
        let decoder = JSONDecoder()
        decoder.userInfo[DetailsBox.kindKey] = kind
        do {
            let box = try decoder.decode(DetailsBox.self, from: Data(details.utf8))
            return LogEntry(
                id: uuid, at: at, reference: reference, station: station, sequence: sequence, staff: staff, details: box.details)
        } catch {
            throw LanyardError(.storeFailure, "The log entry \(id) cannot be read: \(error).", cause: error)
        }
    }

    /// Carries ``LogDetails`` through `JSONEncoder`, which needs a top-level `Codable` value; the kind comes in
    /// through the decoder's user info.
    private struct DetailsBox: Codable {
        static let kindKey = CodingUserInfoKey(rawValue: "lanyard.log.kind")!
        let details: LogDetails

        init(_ details: LogDetails) {
            self.details = details
        }

        init(from decoder: any Decoder) throws {
            guard let kind = decoder.userInfo[Self.kindKey] as? LogKind else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "No log kind given."))
            }
            details = try LogDetails(kind: kind, from: decoder)
        }

        func encode(to encoder: any Encoder) throws {
            try details.encode(to: encoder)
        }
    }
}
