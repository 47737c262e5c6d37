public import Foundation
import GRDB
public import Roster

extension RosterDatabase {
    /// Creates the event this store belongs to.
    /// - Throws: ``LanyardError`` `alreadyExists` when the store has an event already.
    public func createEvent(_ event: Event, at now: Date = Date()) throws {
        try storeAccess {
            try writer.write { db in
                if try EventRecord.fetchCount(db) > 0 {
                    throw LanyardError(
                        .alreadyExists, "This data folder already holds an event.",
                        remedy: "Use another data folder, or keep working with the existing event.")
                }
                try EventRecord(event, createdAt: now).insert(db)
            }
        }
    }

    /// The store's event.
    /// - Throws: ``LanyardError`` `noEvent` when none was created yet.
    public func event() throws -> Event {
        try storeAccess { try writer.read { db in try Self.event(db) } }
    }

    /// The store's event, inside a transaction.
    static func event(_ db: Database) throws -> Event {
        guard let record = try EventRecord.fetchOne(db) else {
            throw LanyardError(.noEvent, "This data folder holds no event yet.", remedy: "Create the event first.")
        }
        return try record.event()
    }

    /// All categories, by code.
    public func categories() throws -> [Category] {
        try storeAccess { try writer.read { db in try CategoryRecord.order(Column("code")).fetchAll(db).map(\.category) } }
    }

    /// All sessions, by day and start time.
    public func sessions() throws -> [Session] {
        try storeAccess {
            try writer.read { db in
                try SessionRecord.order(Column("day"), Column("start"), Column("code")).fetchAll(db).map(\.session)
            }
        }
    }
}
