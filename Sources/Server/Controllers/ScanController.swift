import DoorRules
import Foundation
import Hummingbird
import Roster
import RosterStore
import Station

/// Doors: the doors a steward can pick, scans from a door page, a turnstile or a handheld uploading later, a
/// steward annulling their own mistaken scan, and a door's verdicts as they happen (whatever scanner read them).
struct ScanController {
    let station: Station

    /// The longest code a scanner can send: far more than a badge's or a confirmation's.
    static let longestCode = 1_000
    /// How far ahead of the station's clock a scan's own time may be (clocks of handhelds drift).
    static let clockTolerance: TimeInterval = 300

    func addRoutes(to door: RouterGroup<StationRequestContext>) {
        door.get("doors", use: doors)
        door.get("doors/:name/stream", use: stream)
        door.post("scans", use: scan)
        door.post("scans/:id/annul", use: annul)
    }

    @Sendable func doors(_ request: Request, context: StationRequestContext) async throws -> [DoorView] {
        try await station.doorList()
    }

    struct Scan: Decodable {
        let door: String
        let code: String
        let direction: Direction?
        /// When the scan happened, for a scan uploaded later.
        let at: Date?
        /// The same nonce twice records one scan.
        let nonce: String
    }

    @Sendable func scan(_ request: Request, context: StationRequestContext) async throws -> ScanView {
        let body = try await request.decode(as: Scan.self, context: context)
        guard !body.code.isEmpty, body.code.count <= Self.longestCode else {
            throw LanyardError(.invalidInput, "A scanned code is 1 to \(Self.longestCode) characters.", remedy: "Scan again.")
        }
        if let at = body.at, at.timeIntervalSinceNow > Self.clockTolerance {
            throw LanyardError(.invalidInput, "The scan's time is in the future.", remedy: "Set the scanner's clock.")
        }
        let nonce = try Nonce.checked(body.nonce)
        let door = try await station.door(named: body.door)
        return try await door.scan(
            body.code, direction: body.direction ?? .in, at: body.at ?? Date(), by: context.credential?.staff.name, nonce: nonce)
    }

    struct Annul: Decodable { let reason: String? }

    /// What a steward is told of their annulment (nothing more about the person): `{scan, annulment, at}`.
    struct Annulled: ResponseEncodable {
        let scan: UUID
        let annulment: UUID
        let at: Date
    }

    @Sendable func annul(_ request: Request, context: StationRequestContext) async throws -> Annulled {
        let body = try await request.decode(as: Annul.self, context: context)
        guard let id = UUID(uuidString: try context.parameters.require("id")) else {
            throw LanyardError(.invalidInput, "A scan is named by its UUID.")
        }
        let entry = try await station.annulScan(id, reason: body.reason, by: context.credential?.staff.name)
        return Annulled(scan: id, annulment: entry.id, at: entry.at)
    }

    /// `event: door` (the door and how many are inside now), then `event: verdict` for each scan the station's own
    /// scanner reads at the door (pages and turnstiles show their own answers) and `event: occupancy` `{count,
    /// capacity?}` each time a scan or an annulment at any door of the place changes its count, with `event: ping` every 2 seconds: a
    /// door page that hears nothing for a few seconds shows it has lost its station.
    @Sendable func stream(_ request: Request, context: StationRequestContext) async throws -> Response {
        let parameter = try context.parameters.require("name")
        let name = parameter.removingPercentEncoding ?? parameter
        let door = try await station.door(named: name)
        let doorName = door.door.name
        let encoder = StationJSON.encoder()
        let state = DoorState(
            door: try await station.doorList().first { $0.name == doorName }, occupancy: try await door.occupancy())
        let first = EventMessage(name: "door", data: String(decoding: try encoder.encode(state), as: UTF8.self))
        let place = door.door.placeName
        return EventStream.response(request, first: [first], heartbeat: .seconds(2), source: station.events.subscribe()) { event in
            switch event {
            case .verdict(let view) where view.door == doorName:
                guard let json = try? encoder.encode(view) else { return nil }
                return EventMessage(name: "verdict", data: String(decoding: json, as: UTF8.self))
            case .occupancy(place, let count, let capacity):
                guard let json = try? encoder.encode(Occupancy(count: count, capacity: capacity)) else { return nil }
                return EventMessage(name: "occupancy", data: String(decoding: json, as: UTF8.self))
            default:
                return nil
            }
        }
    }

    /// How many are inside the door's place now.
    struct Occupancy: Encodable {
        let count: Int
        let capacity: Int?
    }

    /// The door a page follows and how many are inside its place now.
    struct DoorState: Encodable {
        let door: DoorView?
        let occupancy: Int
    }
}
