import Foundation
import Hummingbird
import PrintQueue
import Roster
import RosterStore
import Station

/// A self-service kiosk: a delegate identifies themselves, sees their own card and badge, checks in and prints.
/// It answers nothing about anybody else, and never a badge's code.
struct KioskController {
    let station: Station

    func addRoutes(to kiosk: RouterGroup<StationRequestContext>) {
        kiosk.post("kiosk/lookup", use: lookup)
        kiosk.post("kiosk/preview", use: preview)
        kiosk.post("kiosk/checkin", use: checkIn)
        kiosk.get("kiosk/print-jobs/:key", use: job)
    }

    @Sendable func lookup(_ request: Request, context: StationRequestContext) async throws -> KioskCard {
        try await station.kioskCard(try await request.decode(as: Station.KioskProof.self, context: context))
    }

    @Sendable func preview(_ request: Request, context: StationRequestContext) async throws -> Response {
        let card = try await station.kioskCard(try await request.decode(as: Station.KioskProof.self, context: context))
        let png = try await station.badgePreview(card.reference, name: nil, template: nil)
        return Response(
            status: .ok, headers: [.contentType: "image/png"], body: .init(byteBuffer: ByteBuffer(bytes: png)))
    }

    struct CheckIn: Decodable {
        let code: String?
        let reference: String?
        let familyName: String?
        let nonce: String
    }

    /// A kiosk's view of a print job: how it stands, nothing more.
    struct JobProgress: ResponseEncodable {
        let key: String
        let state: PrintJob.State
        let message: String?
    }

    @Sendable func checkIn(_ request: Request, context: StationRequestContext) async throws -> JobProgress {
        let body = try await request.decode(as: CheckIn.self, context: context)
        let view = try await station.kioskCheckIn(
            .init(code: body.code, reference: body.reference, familyName: body.familyName), nonce: try Nonce.checked(body.nonce),
            by: context.credential?.staff.name)
        guard let job = view.print else {
            throw LanyardError(.seeADesk, view.printNote ?? "Please see a desk.", remedy: "Show the desk your reference.")
        }
        return JobProgress(key: job.key, state: job.state, message: job.message)
    }

    @Sendable func job(_ request: Request, context: StationRequestContext) async throws -> JobProgress {
        let job = try await station.printJob(try context.parameters.require("key"))
        return JobProgress(key: job.key, state: job.state, message: job.message)
    }
}
