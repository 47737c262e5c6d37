import Foundation
import Hummingbird
import RosterStore
import Station

/// Finds out who is asking: a browser by its session cookie, a machine by its bearer token. Asks nothing of
/// requests that carry neither; the routes that need someone say so (``RoleGuard``).
struct StaffAuthenticator: RouterMiddleware {
    typealias Context = StationRequestContext
    static let cookie = "lanyard_session"

    let station: Station
    /// On a hub sharing its event with other hubs: the station a token made at another of them belongs to.
    var sharedToken: (@Sendable (String) async throws -> StaffCredential?)?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let secret = request.headers.bearer?.token ?? request.cookies[Self.cookie]?.value
        if let secret, let credential = try await authenticate(secret) {
            context.credential = credential
            context.secret = secret
        }
        return try await next(request, context)
    }

    private func authenticate(_ secret: String) async throws -> StaffCredential? {
        if let credential = try await station.authenticate(secret) { return credential }
        return try await sharedToken?(secret)
    }
}

extension HTTPFields {
    /// The bearer token of an `Authorization: Bearer …` header.
    fileprivate var bearer: (token: String, Void)? {
        guard let value = self[.authorization], value.lowercased().hasPrefix("bearer ") else { return nil }
        let token = value.dropFirst(7).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : (token, ())
    }
}
