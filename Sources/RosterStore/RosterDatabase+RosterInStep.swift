import Foundation
import GRDB
public import Roster

/// Which registrations an import changed in a hub's copy since that copy was last the event's roster (hubs sharing a
/// database): kept by reference once the copy has been in step, so that a roster imported into a stopped hub's
/// folder reaches the event without writing back anything else, however the log has touched it since.
extension RosterDatabase {
    /// Notes that the roster is the hub's as it stands: the changes kept so far are forgotten, and from now on an
    /// import keeps the references it changes.
    public func noteRosterInStep() throws {
        try storeAccess {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM rosterImportChange")
                try db.execute(
                    sql: "INSERT INTO syncCursor (name, position) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET position = 1",
                    arguments: [Self.rosterInStep])
            }
        }
    }

    /// The references of the registrations an import changed here that the event's roster does not have yet
    /// (lower-cased): a roster taken from the hub leaves them as they are until they are shared.
    public func unsharedImportReferences() throws -> Set<String> {
        try storeAccess {
            try writer.read { db in Set(try String.fetchAll(db, sql: "SELECT lower(reference) FROM rosterImportChange")) }
        }
    }

    /// The registrations an import changed since the roster was last noted in step, as they stand now.
    public func rosterChangedSinceInStep() throws -> [Delegate] {
        try storeAccess {
            try writer.read { db in
                try DelegateRecord.fetchAll(
                    db, sql: "SELECT * FROM delegate WHERE reference IN (SELECT reference FROM rosterImportChange) ORDER BY reference"
                ).map(\.delegate)
            }
        }
    }

    /// Keeps `references`, changed by an import, when the roster has been noted in step (a hub's or a joined
    /// station's copy); a store that never was keeps nothing.
    static func keepImportChanges(_ references: [String], _ db: Database) throws {
        guard !references.isEmpty,
            try Int64.fetchOne(db, sql: "SELECT position FROM syncCursor WHERE name = ?", arguments: [rosterInStep]) != nil
        else { return }
        let list = String(decoding: try JSONEncoder().encode(references), as: UTF8.self)
        try db.execute(sql: "INSERT OR IGNORE INTO rosterImportChange (reference) SELECT value FROM json_each(?)", arguments: [list])
    }

    /// The sync cursor marking a roster that has been in step with its hub.
    static let rosterInStep = "roster in step"
}
