import BadgeRendering
import Badges
import Foundation
import Roster
import RosterStore
import Station

extension StationOptions {
    /// The badge desk of the data folder: its store, event and keys.
    func openBadgeDesk() throws -> BadgeDesk {
        try BadgeDesk(database: openDatabase(), keys: EventKeys(folder: folder))
    }

    /// The badge desk with a template loaded.
    func openBadgeStudio(template: String?) throws -> BadgeStudio {
        BadgeStudio(desk: try openBadgeDesk(), template: try BadgeStudio.template(named: template))
    }

    /// The station's name: the flag, else `$LANYARD_STATION`, else the host name.
    func deskName(_ flag: String?) -> String {
        flag ?? ProcessInfo.processInfo.environment["LANYARD_STATION"] ?? ProcessInfo.processInfo.hostName
    }
}
