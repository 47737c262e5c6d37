import Attendance
import Foundation
import Hummingbird
import Roster
import Station

/// The organiser's dashboard: its figures now, live as Server-Sent Events, and the delegates behind a figure.
struct DashboardController {
    let station: Station
    let feed: DashboardFeed

    func addRoutes(to organiser: RouterGroup<StationRequestContext>) {
        organiser.get("dashboard", use: dashboard)
        organiser.get("dashboard/stream", use: stream)
        organiser.get("attendance/delegates", use: attendees)
        organiser.get("attendance/double-admissions") { _, _ in DoubleAdmissions(doubleAdmissions: try await station.doubleAdmissions()) }
    }

    @Sendable func dashboard(_ request: Request, context: StationRequestContext) async throws -> DashboardView {
        try await station.dashboard()
    }

    /// `event: dashboard` with the figures now and each time they change, `event: problem` `{message}` when they
    /// cannot be computed (the figures shown are no longer current), `event: ping` every 5 seconds.
    @Sendable func stream(_ request: Request, context: StationRequestContext) async throws -> Response {
        EventStream.response(request, heartbeat: .seconds(5), source: feed.watch()) { update in
            switch update {
            case .figures(let json): EventMessage(name: "dashboard", data: json)
            case .problem(let sentence): EventMessage(name: "problem", data: Self.problem(sentence))
            }
        }
    }

    /// `{doubleAdmissions: [...]}`.
    struct DoubleAdmissions: ResponseEncodable {
        let doubleAdmissions: [DoubleAdmission]
    }

    private static func problem(_ sentence: String) -> String {
        let json = try? JSONEncoder().encode(["message": sentence])
        return json.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// `?category=CODE`, `?country=CC` or `?session=CODE`.
    @Sendable func attendees(_ request: Request, context: StationRequestContext) async throws -> AttendeeList {
        let query = request.uri.queryParameters
        let filter: AttendeeList.Filter
        if let category = query.get("category") {
            filter = .category(category)
        } else if let country = query.get("country") {
            filter = .country(country)
        } else if let session = query.get("session") {
            filter = .session(session)
        } else {
            throw LanyardError(.invalidInput, "Say whose list: ?category=, ?country= or ?session=.")
        }
        return try await station.attendees(filter)
    }
}
