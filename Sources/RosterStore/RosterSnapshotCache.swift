import GRDB
import Roster
import Synchronization

/// What the dashboard and reports read again and again, kept between reads: every delegate, reloaded only when the
/// roster's revision moves on (an import, a walk-in, a name corrected, in this process or another); and the on-site
/// log, which only ever grows, so that only the entries appended since the last read are fetched and decoded.
final class RosterSnapshotCache: Sendable {
    private let delegates = Mutex<(revision: Int64, delegates: [Delegate])?>(nil)
    private let log = Mutex<(position: Int64, entries: [LogEntry])>((0, []))

    /// Every delegate, in family-name order, as `db` sees the roster.
    func delegates(_ db: Database, load: (Database) throws -> [Delegate]) throws -> [Delegate] {
        let revision = try RosterDatabase.rosterRevisions(db).value
        if let cached = delegates.withLock({ $0?.revision == revision ? $0?.delegates : nil }) { return cached }
        let loaded = try load(db)
        delegates.withLock { $0 = (revision, loaded) }
        return loaded
    }

    /// The whole log, oldest first, as `db` sees it.
    func logEntries(_ db: Database) throws -> [LogEntry] {
        let known = log.withLock { $0 }
        let rows = try LogRow.filter(LogRow.Columns.position > known.position).order(LogRow.Columns.position).fetchAll(db)
        guard let last = rows.last?.position else { return known.entries }
        let entries = known.entries + (try rows.map { try $0.entry() })
        log.withLock { cached in
            if cached.position < last { cached = (last, entries) }
        }
        return entries
    }
}
