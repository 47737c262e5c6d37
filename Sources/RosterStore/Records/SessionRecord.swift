import GRDB
import Roster

/// A row of the `session` table.
struct SessionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "session"

    var code: String
    var day: Int
    var start: String
    var end: String
    var title: String
    var room: String
    var capacity: Int
    var access: String

    init(_ session: Session) {
        code = session.code
        day = session.day
        start = session.start
        end = session.end
        title = session.title
        room = session.room
        capacity = session.capacity
        access = session.access.notation
    }

    var session: Session {
        Session(
            code: code, day: day, start: start, end: end, title: title, room: room, capacity: capacity,
            access: AccessRule(notation: access) ?? .invitation)
    }
}
