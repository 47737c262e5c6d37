import BadgeRendering
import Badges
import Foundation
import LanyardTestSupport
import Printing
import Roster
import RosterStore
import Station

/// The sample conference, a private cupsd, and a spooler between them.
final class PrintingFixture: @unchecked Sendable {
    // @unchecked: set up once in `init`, then only read.
    let cups: PrivateCUPS
    let folder: DataFolder
    let desk: BadgeDesk
    let connection: CupsConnection

    init() throws {
        cups = try PrivateCUPS()
        folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-print-\(UUID().uuidString)").path)
        let (database, _) = try DemoConference.prepare(in: folder)
        desk = try BadgeDesk(database: database, keys: EventKeys(folder: folder))
        connection = try CupsConnection(server: cups.server)
    }

    deinit { try? FileManager.default.removeItem(at: folder.url) }

    func spooler(
        route: [String], stallTimeout: TimeInterval = 3, profiles: [PrinterProfile] = [], queueProfiles: [String: String] = [:]
    ) -> PrintSpooler {
        PrintSpooler(
            desk: desk, printer: connection, spool: folder.spoolURL,
            configuration: .init(route: route, stallTimeout: stallTimeout, profiles: profiles, queueProfiles: queueProfiles))
    }

    /// A desk with two Zebra printers, `desk1-zebra` and its spare `desk1-spare`, each asked for its status.
    func zebraDesk(primary: FakeLabelPrinter, spare: FakeLabelPrinter) throws -> PrintSpooler {
        try cups.addQueue("desk1-zebra", uri: primary.uri)
        try cups.addQueue("desk1-spare", uri: spare.uri)
        return spooler(
            route: ["desk1-zebra", "desk1-spare"], stallTimeout: 2,
            profiles: try PrinterProfile.all(in: PrintSpoolerTests.profilesFolder),
            queueProfiles: ["desk1-zebra": "zebra-zd421-203dpi", "desk1-spare": "zebra-zd421-203dpi"])
    }

    /// Steps the spooler until `key` prints (or `timeout` passes); returns the events.
    func printUntilDone(_ spooler: PrintSpooler, key: String, timeout: TimeInterval = 30) throws -> [PrintEvent] {
        var events: [PrintEvent] = []
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            events += try spooler.step()
            if try desk.database.printJob(key)?.state == .printed { break }
            Thread.sleep(forTimeInterval: 0.3)
        }
        return events
    }

    /// Waits until `printer` has received `count` documents (the socket backend may still be closing).
    static func documents(of printer: FakeLabelPrinter, count: Int, timeout: TimeInterval = 10) -> [Data] {
        let deadline = Date().addingTimeInterval(timeout)
        while printer.documents.count < count && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
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
