import HTTPTypes
import Hummingbird
import Roster
import RosterStore

/// Stops another site from acting with a signed-in browser's cookie: a request that changes something and is
/// authenticated by its session must come from the station's own pages (`Sec-Fetch-Site: same-origin`, when the
/// browser sends it) and carry the session's token in `X-CSRF-Token`. A machine's bearer token is not sent by
/// browsers on their own, so its requests need neither.
struct CrossSiteGuard: RouterMiddleware {
    typealias Context = StationRequestContext
    static let header = HTTPField.Name("X-CSRF-Token")!
    static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard [.post, .put, .patch, .delete].contains(request.method) else { return try await next(request, context) }
        if let site = request.headers[Self.fetchSite], site != "same-origin", site != "none" {
            throw LanyardError(.notPermitted, "A request from another site cannot change anything here.")
        }
        if let credential = context.credential, credential.kind == .session, request.headers[Self.header] != credential.csrf {
            throw LanyardError(.notPermitted, "This request lacks the page's token.", remedy: "Reload the page and try again.")
        }
        return try await next(request, context)
    }
}
