public import Foundation
import GRDB

extension RosterDatabase {
    /// What was last pulled from an upstream source (its URL): the validators for a conditional request, when, and
    /// the outcome as JSON.
    public func upstreamPull(of source: String) throws -> (etag: String?, lastModified: String?, checkedAt: Date, outcome: Data)? {
        try storeAccess {
            try writer.read { db in
                try Row.fetchOne(db, sql: "SELECT etag, lastModified, checkedAt, outcome FROM upstreamPull WHERE source = ?", arguments: [source])
                    .map { row in (row["etag"], row["lastModified"], row["checkedAt"], Data((row["outcome"] as String).utf8)) }
            }
        }
    }

    /// Records a pull of `source`; `etag` and `lastModified` replace the kept ones only when the copy was taken.
    public func recordUpstreamPull(of source: String, etag: String?, lastModified: String?, keepValidators: Bool, at now: Date, outcome: Data) throws
    {
        try storeAccess {
            try writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO upstreamPull (source, etag, lastModified, checkedAt, outcome) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (source) DO UPDATE SET
                            etag = CASE WHEN ? THEN upstreamPull.etag ELSE excluded.etag END,
                            lastModified = CASE WHEN ? THEN upstreamPull.lastModified ELSE excluded.lastModified END,
                            checkedAt = excluded.checkedAt, outcome = excluded.outcome
                        """,
                    arguments: [source, etag, lastModified, now, String(decoding: outcome, as: UTF8.self), keepValidators, keepValidators])
            }
        }
    }
}
