import Badges
import Foundation
import GRDB

/// A row of the `badge` table: a delegate's current badge.
struct BadgeRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "badge"

    var reference: String
    var serial: Int
    var issuedAt: Date
    var revocationReason: String?

    var badge: IssuedBadge {
        IssuedBadge(reference: reference, serial: UInt16(clamping: serial), revocationReason: revocationReason)
    }
}
