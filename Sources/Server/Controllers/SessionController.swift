import Foundation
import Hummingbird
import Roster
import RosterStore
import Station

/// Signing in and out: a browser's session, as an HttpOnly, SameSite=Strict cookie (Secure under TLS).
struct SessionController {
    let station: Station
    let isSecure: Bool

    struct SignIn: Decodable {
        let name: String
        let password: String
        /// Replaces a one-time password at the first sign-in.
        let newPassword: String?
    }

    /// `{staff: {name, role}, csrf, station, expiresAt?}`.
    struct SessionView: ResponseEncodable {
        struct Staff: Encodable {
            let name: String
            let role: StaffRole
        }

        let staff: Staff
        let csrf: String?
        let station: String
        let expiresAt: Date?
    }

    func addRoutes(to group: RouterGroup<StationRequestContext>) {
        group.post("session", use: signIn)
        group.get("session", use: current)
        group.delete("session", use: signOut)
    }

    @Sendable func signIn(_ request: Request, context: StationRequestContext) async throws -> Response {
        let body = try await request.decode(as: SignIn.self, context: context)
        let session = try await station.signIn(body.name, password: body.password, newPassword: body.newPassword, from: context.remoteAddress)
        var response = try context.responseEncoder.encode(
            SessionView(
                staff: .init(name: session.staff.name, role: session.staff.role), csrf: session.csrf, station: station.name,
                expiresAt: session.expiresAt),
            from: request, context: context)
        response.setCookie(
            Cookie(
                name: StaffAuthenticator.cookie, value: session.secret, maxAge: Int(Station.sessionLifetime), path: "/", secure: isSecure,
                httpOnly: true, sameSite: .strict))
        return response
    }

    @Sendable func current(_ request: Request, context: StationRequestContext) async throws -> SessionView {
        guard let credential = context.credential else { throw LanyardError(.notSignedIn, "Nobody is signed in.") }
        return SessionView(
            staff: .init(name: credential.staff.name, role: credential.staff.role), csrf: credential.csrf, station: station.name,
            expiresAt: credential.expiresAt)
    }

    @Sendable func signOut(_ request: Request, context: StationRequestContext) async throws -> Response {
        if let secret = context.secret, context.credential?.kind == .session { try await station.signOut(secret) }
        var response = Response(status: .noContent)
        response.setCookie(
            Cookie(name: StaffAuthenticator.cookie, value: "", maxAge: 0, path: "/", secure: isSecure, httpOnly: true, sameSite: .strict))
        return response
    }
}
