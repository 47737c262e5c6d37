import Hummingbird
import Roster
import RosterStore

/// Lets through only requests from someone signed in with one of `roles`: 401 for nobody, 403 for another role.
struct RoleGuard: RouterMiddleware {
    typealias Context = StationRequestContext
    let roles: Set<StaffRole>

    init(_ roles: StaffRole...) {
        self.roles = Set(roles)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let credential = context.credential else {
            throw LanyardError(.notSignedIn, "Sign in first.", remedy: "Sign in at /signin, or send a bearer token.")
        }
        guard roles.contains(credential.staff.role) else {
            throw LanyardError(.notPermitted, "The \(credential.staff.role.rawValue) role cannot do this.")
        }
        return try await next(request, context)
    }
}
