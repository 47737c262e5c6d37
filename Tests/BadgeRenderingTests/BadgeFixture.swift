import BadgeRendering
import Foundation
import Roster
import RosterImport
import RosterStore
import SampleConference
import Station

/// A data folder with the sample conference and its keys, for badge tests.
final class BadgeFixture: Sendable {
    let folder: DataFolder
    let desk: BadgeDesk

    init() throws {
        folder = DataFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-badges-\(UUID().uuidString)").path)
        let (database, _) = try DemoConference.prepare(in: folder)
        desk = try BadgeDesk(database: database, keys: EventKeys(folder: folder))
    }

    deinit { try? FileManager.default.removeItem(at: folder.url) }

    func file(_ name: String) -> URL { folder.url.appendingPathComponent(name) }
}
