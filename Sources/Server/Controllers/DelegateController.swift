import Foundation
import Hummingbird
import Roster
import RosterStore
import Station

/// The desk's delegates: search, the delegate's card, walk-ins, name corrections with a badge preview, flags,
/// reprints and revocations.
struct DelegateController {
    let station: Station

    func addRoutes(to desk: RouterGroup<StationRequestContext>, organiser: RouterGroup<StationRequestContext>) {
        desk.get("delegates", use: search)
        desk.post("delegates", use: registerWalkIn)
        desk.get("delegates/:reference", use: card)
        desk.put("delegates/:reference/name", use: correctName)
        desk.get("delegates/:reference/badge-preview", use: preview)
        desk.post("delegates/:reference/reprint", use: reprint)
        organiser.post("delegates/:reference/revoke", use: revoke)
        desk.get("categories", use: categories)
        organiser.post("delegates/:reference/flags", use: flag)
    }

    @Sendable func search(_ request: Request, context: StationRequestContext) async throws -> [SearchHitView] {
        let text = request.uri.queryParameters.get("q") ?? ""
        guard text.count <= 200 else { throw LanyardError(.invalidInput, "A search is at most 200 characters.") }
        let limit = request.uri.queryParameters.get("limit").map { Int($0) ?? 0 } ?? 10
        guard (1...100).contains(limit) else { throw LanyardError(.invalidInput, "The limit is a whole number from 1 to 100.") }
        return try await station.search(text, limit: limit)
    }

    @Sendable func card(_ request: Request, context: StationRequestContext) async throws -> DelegateCard {
        try await station.card(try context.parameters.require("reference"))
    }

    @Sendable func registerWalkIn(_ request: Request, context: StationRequestContext) async throws -> EditedResponse<DelegateCard> {
        let walkIn = try await request.decode(as: Station.WalkIn.self, context: context)
        if let nonce = walkIn.nonce { _ = try Nonce.checked(nonce) }
        let card = try await station.registerWalkIn(walkIn, by: context.credential?.staff.name)
        return EditedResponse(status: .created, response: card)
    }

    @Sendable func correctName(_ request: Request, context: StationRequestContext) async throws -> DelegateCard {
        let name = try await request.decode(as: PersonNameFields.self, context: context)
        return try await station.correctName(try context.parameters.require("reference"), to: name, by: context.credential?.staff.name)
    }

    @Sendable func preview(_ request: Request, context: StationRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let name = query.get("familyName").map { family in
            PersonNameFields(
                title: query.get("title") ?? "", givenName: query.get("givenName") ?? "", familyName: family,
                nativeName: query.get("nativeName"))
        }
        let png = try await station.badgePreview(try context.parameters.require("reference"), name: name, template: query.get("template"))
        return Response(
            status: .ok, headers: [.contentType: "image/png"], body: .init(byteBuffer: ByteBuffer(bytes: png)))
    }

    struct Reprint: Decodable {
        let reason: String
        let printer: String?
        let nonce: String
    }

    @Sendable func reprint(_ request: Request, context: StationRequestContext) async throws -> PrintJob {
        let body = try await request.decode(as: Reprint.self, context: context)
        guard !body.reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw LanyardError(.invalidInput, "A reprint needs a reason.") }
        let job = try await station.print(
            try context.parameters.require("reference"), key: "reprint-" + Nonce.checked(body.nonce), printer: body.printer,
            reason: body.reason, by: context.credential?.staff.name)
        return job
    }

    struct Revoke: Decodable { let reason: String }

    @Sendable func revoke(_ request: Request, context: StationRequestContext) async throws -> RevocationView {
        let body = try await request.decode(as: Revoke.self, context: context)
        guard !body.reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw LanyardError(.invalidInput, "A revocation needs a reason.") }
        return try await station.revokeBadge(try context.parameters.require("reference"), reason: body.reason, by: context.credential?.staff.name)
    }

    struct Flag: Decodable { let note: String }

    @Sendable func flag(_ request: Request, context: StationRequestContext) async throws -> EditedResponse<DelegateFlag> {
        let body = try await request.decode(as: Flag.self, context: context)
        let flag = try await station.flag(try context.parameters.require("reference"), note: body.note, by: context.credential?.staff.name)
        return EditedResponse(status: .created, response: flag)
    }

    @Sendable func categories(_ request: Request, context: StationRequestContext) async throws -> [Roster.Category] {
        try await station.categories()
    }
}
