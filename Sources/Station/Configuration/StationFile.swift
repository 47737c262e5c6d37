import DoorRules
import Foundation
import Roster
import Yams

/// The YAML shape of a data folder's `station.yaml`:
///
/// ```yaml
/// station: desk-2
/// printers: desk2-zebra=zebra-zd421-203dpi, hall-a6
/// stall-timeout: 20
/// hardware: /etc/lanyard/hardware
/// doors:
///   - name: A4 front
///     session: A4
///   - name: Main entrance
///     area: Venue
///     capacity: 3000
///     site-exit: true
///     anti-passback: warn
/// scanner:
///   device: /dev/input/lanyard-scanner
///   profile: honeywell-voyager-1450g-usb-us
///   door: A4 front
/// ```
///
/// A setting Lanyard does not know is an error, so a misspelt one is never silently ignored.
struct StationFile: Decodable {
    var station: String?
    var printers: String?
    var stallTimeout: Double?
    var hardware: String?
    var doors: [DoorEntry]?
    var scanner: ScannerSettings?

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case station, printers, stallTimeout = "stall-timeout", hardware, doors, scanner
    }

    struct DoorEntry: Decodable {
        var name: String?
        var session: String?
        var area: String?
        var capacity: Int?
        var opensMinutesBefore: Int?
        var requiresCheckIn: Bool?
        var antiPassback: Door.AntiPassback?
        var siteExit: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, session, area, capacity, opensMinutesBefore = "opens-minutes-before",
                requiresCheckIn = "requires-check-in", antiPassback = "anti-passback", siteExit = "site-exit"
        }
    }

    /// Reads `url`, or nil when there is no such file.
    static func load(_ url: URL) throws -> StationFile? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        do {
            if let node = try Yams.compose(yaml: text) { try checkKeys(node) }
            return try YAMLDecoder().decode(StationFile.self, from: text)
        } catch let error as LanyardError {
            throw error
        } catch {
            throw LanyardError(
                .configurationError, "The station configuration \(url.path) cannot be read: \(error).",
                remedy: "Compare it with the example in README.md.", cause: error)
        }
    }

    /// The doors, each checked: a session or an area, not both.
    func resolvedDoors() throws -> [Door] {
        try (doors ?? []).enumerated().map { index, entry in
            let place: Door.Place
            switch (entry.session, entry.area) {
            case (let session?, nil): place = .session(session.uppercased())
            case (nil, let area?): place = .area(name: area, capacity: entry.capacity)
            default:
                throw LanyardError(
                    .configurationError, "Door \(index + 1) of station.yaml needs a session or an area (one of them).",
                    remedy: "Give it `session: A4` or `area: Exhibition hall`.")
            }
            return Door(
                name: entry.name, place: place, opensMinutesBefore: entry.opensMinutesBefore ?? 30,
                requiresCheckIn: entry.requiresCheckIn ?? true, antiPassback: entry.antiPassback ?? .deny,
                isSiteExit: entry.siteExit ?? false)
        }
    }

    /// Refuses settings Lanyard does not know, naming them.
    private static func checkKeys(_ node: Node) throws {
        func check(_ mapping: Node.Mapping?, allowed: [String], where place: String) throws {
            for key in mapping?.keys.compactMap(\.string) ?? [] where !allowed.contains(key) {
                throw LanyardError(
                    .configurationError, "station.yaml has an unknown setting “\(key)”\(place).",
                    remedy: "Known settings: \(allowed.joined(separator: ", ")).")
            }
        }
        try check(node.mapping, allowed: CodingKeys.allCases.map(\.rawValue), where: "")
        for door in node.mapping?["doors"]?.sequence ?? [] {
            try check(door.mapping, allowed: DoorEntry.CodingKeys.allCases.map(\.rawValue), where: " in a door")
        }
        try check(node.mapping?["scanner"]?.mapping, allowed: ["device", "profile", "door", "direction"], where: " in the scanner")
    }
}
