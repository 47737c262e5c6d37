import Foundation
import Hummingbird
import Roster
import RosterStore
import Station

/// Check-ins at the desk: one delegate (printing their badge in the same request), a group, and undoing a
/// mistaken one.
struct CheckInController {
    let station: Station

    func addRoutes(to desk: RouterGroup<StationRequestContext>) {
        desk.post("checkins", use: checkIn)
        desk.post("checkins/group", use: checkInGroup)
        desk.post("checkins/:id/undo", use: undo)
    }

    struct CheckIn: Decodable {
        let reference: String
        let print: Bool
        let printer: String?
        /// The same nonce twice makes one check-in and one badge.
        let nonce: String
        /// An organiser's override for a cancelled registration.
        let force: Bool?
        /// The delegate's flags the desk has read.
        let acknowledgedFlags: [UUID]?
    }

    @Sendable func checkIn(_ request: Request, context: StationRequestContext) async throws -> CheckInView {
        let body = try await request.decode(as: CheckIn.self, context: context)
        let force = body.force ?? false
        if force, context.credential?.staff.role != .organiser {
            throw LanyardError(.notPermitted, "Only an organiser can check in a cancelled registration.")
        }
        return try await station.checkIn(
            .init(
                reference: body.reference, force: force, print: body.print, printer: body.printer,
                acknowledgedFlags: Set(body.acknowledgedFlags ?? []), nonce: try Nonce.checked(body.nonce)),
            by: context.credential?.staff.name)
    }

    struct Group: Decodable {
        let references: [String]?
        let organisation: String?
        let country: String?
        let print: Bool
        let printer: String?
        let nonce: String
    }

    @Sendable func checkInGroup(_ request: Request, context: StationRequestContext) async throws -> Station.GroupCheckIn {
        let body = try await request.decode(as: Group.self, context: context)
        return try await station.checkIn(
            Station.Group(references: body.references, organisation: body.organisation, country: body.country), print: body.print,
            printer: body.printer, nonce: try Nonce.checked(body.nonce), by: context.credential?.staff.name)
    }

    struct Undo: Decodable { let reason: String? }

    @Sendable func undo(_ request: Request, context: StationRequestContext) async throws -> LogEntry {
        let body = try await request.decode(as: Undo.self, context: context)
        guard let id = UUID(uuidString: try context.parameters.require("id")) else {
            throw LanyardError(.invalidInput, "A check-in is named by its UUID.")
        }
        return try await station.undoCheckIn(id, reason: body.reason, by: context.credential?.staff.name)
    }
}
