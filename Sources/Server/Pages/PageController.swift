import Foundation
import Hummingbird
import Mustache
import Roster
import RosterStore
import Station

/// The station's pages: signing in, the registration desk, the kiosk, the door and the organiser's dashboard. Each is a shell rendered with the
/// station's name and the session's token; the page's script does the rest through the API.
struct PageController {
    let station: Station
    let library: MustacheLibrary

    func addRoutes(to router: Router<StationRequestContext>) {
        router.get("/", use: home)
        router.get("signin", use: signIn)
        router.get("desk") { request, context in try page("desk", title: "Desk", roles: [.desk, .organiser], request, context) }
        router.get("kiosk") { request, context in try page("kiosk", title: "Kiosk", roles: [.kiosk, .organiser], request, context) }
        router.get("door") { request, context in try page("door", title: "Door", roles: [.door, .organiser], request, context) }
        router.get("dashboard") { request, context in try page("dashboard", title: "Dashboard", roles: [.organiser], request, context) }
    }

    @Sendable func home(_ request: Request, context: StationRequestContext) async throws -> Response {
        let target =
            switch context.credential?.staff.role {
            case .kiosk?: "/kiosk"
            case .door?: "/door"
            case .organiser?: "/dashboard"
            case .desk?: "/desk"
            default: "/signin"
            }
        return .redirect(to: target, type: .found)
    }

    @Sendable func signIn(_ request: Request, context: StationRequestContext) async throws -> HTMLPage {
        try render("signin", title: "Sign in", context: context)
    }

    private func page(
        _ name: String, title: String, roles: Set<StaffRole>, _ request: Request, _ context: StationRequestContext
    ) throws -> Response {
        guard let credential = context.credential, roles.contains(credential.staff.role) else {
            // Back to the page as asked for, query and all (`/door?door=Hall`), once signed in.
            let asked = request.uri.query.map { "/\(name)?\($0)" } ?? "/\(name)"
            let next = asked.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_.~"))) ?? "/\(name)"
            return .redirect(to: "/signin?next=\(next)", type: .found)
        }
        return try render(name, title: title, context: context).response(from: request, context: context)
    }

    private func render(_ name: String, title: String, context: StationRequestContext) throws -> HTMLPage {
        let values: [String: Any] = [
            "title": title, "station": station.name, "event": station.event.name, "staff": context.credential?.staff.name ?? "",
            "role": context.credential?.staff.role.rawValue ?? "", "csrf": context.credential?.csrf ?? "",
            "isOrganiser": context.credential?.staff.role == .organiser,
        ]
        guard let html = library.render(values, withTemplate: name) else {
            throw LanyardError(.storeFailure, "The page \(name) is missing from the station's resources.")
        }
        return HTMLPage(html: html)
    }
}
