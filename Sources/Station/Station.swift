import Attendance
import CMalloc
import DoorRules
import Foundation
public import Logging
public import PrintQueue
import Printing
public import Roster
public import RosterStore
import Synchronization

/// The one place where a station's work happens, for every front end: the command line, the server's pages and
/// API, and (later) sync. It owns the data folder, and offers as async calls everything a desk, a door, a kiosk
/// and an organiser do; front ends parse, call and present.
///
/// Blocking work (SQLite, libcups, rendering) runs on dispatch queues, never on Swift's cooperative pool. What
/// happens is published to ``events`` for the screens that follow it.
public final class Station: Sendable {
    public let configuration: StationConfiguration
    public let database: RosterDatabase
    public let event: Event
    public let keys: EventKeys
    public let desk: BadgeDesk
    public let studio: BadgeStudio
    public let catalogue: HardwareCatalogue
    /// What happens at the station, for the screens that follow it.
    public let events = EventHub()
    /// Steps the print queue; run it (`run()`) for as long as the station prints.
    public let printWorker: PrintWorker
    let logger: Logger
    let doors = Mutex<[String: DoorController]>([:])
    /// What the doors of each place share, by place name.
    let ledgers = Mutex<[String: PlaceLedger]>([:])
    /// The roster as attendance counts it, for the roster revision it was made from.
    let rosterTally = Mutex<(revision: Int64, tally: RosterTally)?>(nil)
    let signInLimiter = SignInLimiter()
    /// The stations joined to this one as their hub, by name: when each last made contact, how far it pulled.
    let peers = Mutex<[String: (lastContact: Date, pulled: Int64)]>([:])
    /// On a station joined to a hub: when it last exchanged entries with it.
    let hubContact = Mutex<Date?>(nil)
    /// On a hub whose event lives in a database shared with other hubs: that database, which answers for the stations
    /// joined to any of them (their contact and lag), rather than ``peers``.
    let sharedHubStore = Mutex<(any HubStore)?>(nil)
    /// The search's preparation as the station starts (``SearchPreparation``), while it is under way: `ready` once
    /// the index is in memory and the roster read ahead, which a search arriving meanwhile waits for rather than
    /// competing with it for the two cores and the disk; `done` once an index built is stored too.
    let searchStart = Mutex<(ready: Task<Void, Never>, done: Task<Void, Never>)?>(nil)

    /// Once per process: blocks of 128 KiB or more are mapped and handed back to the system when freed. glibc's
    /// default raises that threshold after each large block freed, up to 32 MiB, so the search index's working
    /// arrays, freed as it is built, stayed in the process's memory (a station built it to a peak of 173 MiB, not 155).
    private static let returnLargeBlocksOnFree: Void = {
        mallopt(M_MMAP_THRESHOLD, 128 * 1024)
    }()

    /// Opens the station of an existing data folder, writing into the store any scans a crashed station left in
    /// its outbox.
    /// - Throws: ``LanyardError`` `noEvent` for a folder without an event; `configurationError` for a printer route
    ///   naming a profile that does not exist.
    public init(_ configuration: StationConfiguration, logger: Logger) async throws {
        self.logger = logger
        Self.returnLargeBlocksOnFree
        let database = try RosterDatabase.open(in: configuration.data, busyTimeout: configuration.busyTimeout)
        self.database = database
        // A station joined to a hub is known by the name the hub gave it, whichever front end opens it.
        var configuration = configuration
        if let joined = try await DispatchQueue.blocking.perform({ try database.joinedIdentity() }) {
            configuration.name = joined.station
            // A joined station without doors of its own has the hub's.
            if configuration.doors.isEmpty, let doors = joined.doors { configuration.doors = try JSONDecoder().decode([Door].self, from: doors) }
        }
        self.configuration = configuration
        event = try await DispatchQueue.blocking.perform { try database.event() }
        keys = EventKeys(folder: configuration.data)
        desk = BadgeDesk(database: database, event: event, keys: keys)
        studio = BadgeStudio(desk: desk)
        catalogue = try HardwareCatalogue(adding: configuration.hardware)
        try catalogue.check(configuration.printers)
        let spooler = PrintSpooler(
            store: database, badges: studio, printer: CupsConnection(server: configuration.cupsServer), spool: configuration.data.spoolURL,
            configuration: .init(
                route: configuration.printers.queues, stallTimeout: configuration.stallTimeout, profiles: catalogue.printers,
                queueProfiles: configuration.printers.profiles))
        let hub = events
        printWorker = PrintWorker(spooler: spooler, logger: logger) { event in
            switch event {
            case .printerChanged(let queue, let isUsable, let reason):
                hub.publish(.printer(queue: queue, isUsable: isUsable, problem: reason))
            default:
                if let key = event.key, let job = try? database.printJob(key) { hub.publish(.printJob(job)) }
            }
        }
        let folder = configuration.data
        let recovered = try await DispatchQueue.blocking.perform { try LogOutbox.recover(in: folder, into: database) }
        if recovered > 0 { logger.notice("Wrote scans left in an outbox into the store", metadata: ["entries": "\(recovered)"]) }
    }

    /// Creates `event` in a new data folder, with its signing key, and opens its station.
    /// - Throws: ``LanyardError`` `alreadyExists` when the folder holds an event already.
    public static func create(_ event: Event, configuration: StationConfiguration, logger: Logger) async throws -> Station {
        let folder = configuration.data
        try await DispatchQueue.blocking.perform {
            let database = try RosterDatabase.open(in: folder, busyTimeout: configuration.busyTimeout)
            try database.createEvent(event)
            try EventKeys(folder: folder).createIfMissing()
        }
        return try await Station(configuration, logger: logger)
    }

    /// The station's name in the log.
    public var name: String { configuration.name }

    /// Runs blocking store work off the cooperative pool.
    func store<T: Sendable>(_ body: @escaping @Sendable (RosterDatabase) throws -> T) async throws -> T {
        try await database.perform(body)
    }
}
