import BadgeRendering
import Badges
import Foundation
import HardwareProfiles
import LanyardTestSupport
import PrintQueue
import Printing
import Roster
import RosterStore
import Station

/// The sample conference's station, a private cupsd, and a spooler between them.
final class PrintingFixture: Sendable {
    let cups: PrivateCUPS
    let stations: StationFixture
    let connection: CupsConnection

    init() async throws {
        cups = try PrivateCUPS()
        stations = try await StationFixture()
        connection = CupsConnection(server: cups.server)
    }

    var database: RosterDatabase { stations.database }
    var desk: BadgeDesk { stations.station.desk }
    var folder: DataFolder { stations.folder }

    static var profiles: [PrinterProfile] {
        get throws { try PrinterProfile.all(in: HardwareProfiles.printersFolder) }
    }

    func spooler(
        route: [String], stallTimeout: TimeInterval = 3, profiles: [PrinterProfile] = [], queueProfiles: [String: String] = [:]
    ) -> PrintSpooler {
        PrintSpooler(
            store: database, badges: stations.station.studio, printer: connection, spool: folder.spoolURL,
            configuration: .init(route: route, stallTimeout: stallTimeout, profiles: profiles, queueProfiles: queueProfiles))
    }

    /// A desk with two Zebra printers, `desk1-zebra` and its spare `desk1-spare`, each asked for its status.
    func zebraDesk(primary: FakeLabelPrinter, spare: FakeLabelPrinter) throws -> PrintSpooler {
        try cups.addQueue("desk1-zebra", uri: primary.uri)
        try cups.addQueue("desk1-spare", uri: spare.uri)
        return spooler(
            route: ["desk1-zebra", "desk1-spare"], stallTimeout: 2, profiles: try Self.profiles,
            queueProfiles: ["desk1-zebra": "zebra-zd421-203dpi", "desk1-spare": "zebra-zd421-203dpi"])
    }

    /// Steps the spooler once, off the cooperative pool (libcups and SQLite block).
    func step(_ spooler: PrintSpooler) async throws -> [PrintEvent] {
        try await DispatchQueue.blocking.perform { try spooler.step() }
    }

    /// Steps the spooler until `key` has ended, printed or failed (or `timeout` passes); returns the events.
    func printUntilDone(_ spooler: PrintSpooler, key: String, timeout: TimeInterval = 120) async throws -> [PrintEvent] {
        try await printUntilDone(spooler, keys: [key], timeout: timeout)
    }

    /// Steps the spooler until every one of `keys` has ended (or `timeout` passes); returns the events. The timeout
    /// is a bound for "never", not a speed: with every suite running at once on two cores a step can wait minutes.
    func printUntilDone(_ spooler: PrintSpooler, keys: [String], timeout: TimeInterval = 120) async throws -> [PrintEvent] {
        var events: [PrintEvent] = []
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            events += try await step(spooler)
            if try keys.allSatisfy({ try database.printJob($0)?.state.isFinished == true }) { break }
            try await Task.sleep(for: .milliseconds(300))
        }
        return events
    }

    /// Waits until `printer` has received `count` documents (the socket backend may still be closing).
    static func documents(of printer: FakeLabelPrinter, count: Int, timeout: TimeInterval = 10) async -> [Data] {
        let deadline = Date().addingTimeInterval(timeout)
        while printer.documents.count < count && Date() < deadline { try? await Task.sleep(for: .milliseconds(100)) }
        return printer.documents
    }

    /// The QR codes in a received PDF.
    func codes(inPDF data: Data) throws -> [String] {
        let pdf = folder.url.appendingPathComponent("received-\(UUID().uuidString).pdf")
        try data.write(to: pdf)
        return try QRReader.codes(inPDF: pdf)
    }

    /// The QR codes in a received ZPL label: its graphic (`^GFA`, or the driver's `~DG`) decoded into a bitmap,
    /// read with zbarimg.
    func codes(inZPL data: Data) throws -> [String] {
        guard let bitmap = ZPLBitmap(label: data) else { return [] }
        let pbm = folder.url.appendingPathComponent("received-\(UUID().uuidString).pbm")
        try bitmap.pbm.write(to: pbm)
        return try QRReader.codes(inImage: pbm)
    }
}
