public import Roster
public import RosterStore

/// Creating an event in a data folder: the store's event and the event's signing key, together.
public enum StationSetup {
    /// Creates `event` in `folder`, with its signing key.
    /// - Returns: The opened store.
    @discardableResult
    public static func createEvent(_ event: Event, in folder: DataFolder) throws -> RosterDatabase {
        let database = try RosterDatabase.open(in: folder)
        try database.createEvent(event)
        try EventKeys(folder: folder).createIfMissing()
        return database
    }
}
