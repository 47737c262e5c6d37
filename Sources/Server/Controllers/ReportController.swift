import Foundation
import Hummingbird
import Roster
import Station

/// The reports an organiser downloads: attendance per session, the roll-call (CSV, and a printable PDF for an
/// evacuation), no-shows and the day's audit log.
struct ReportController {
    let station: Station

    func addRoutes(to organiser: RouterGroup<StationRequestContext>) {
        organiser.get("reports/attendance.csv") { _, _ in try await csv(station.attendanceCSV(), named: "attendance") }
        organiser.get("reports/roll-call.csv") { _, _ in try await csv(station.rollCallCSV(), named: "roll-call") }
        organiser.get("reports/no-shows.csv") { request, _ in try await csv(station.noShowsCSV(day: try day(request)), named: "no-shows") }
        organiser.get("reports/audit.csv") { request, _ in try await csv(station.auditCSV(day: try day(request)), named: "audit") }
        organiser.get("reports/roll-call.pdf", use: rollCallPDF)
    }

    @Sendable func rollCallPDF(_ request: Request, context: StationRequestContext) async throws -> Response {
        let pdf = try await station.rollCallPDF()
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/pdf", .contentDisposition: "inline; filename=\"\(fileName("roll-call", "pdf"))\"",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: pdf)))
    }

    private func csv(_ text: String, named name: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8; header=present",
                .contentDisposition: "attachment; filename=\"\(fileName(name, "csv"))\"",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// `roll-call-desk-1-2027-03-09-1412.csv`: which station, when.
    private func fileName(_ name: String, _ suffix: String) -> String {
        let stamp = station.event.localDateTime(Date()).replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: ":", with: "")
        let safeStation = String(station.name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
        return "\(name)-\(safeStation)-\(stamp).\(suffix)"
    }

    /// `?day=N`, an event day; nil for today.
    private func day(_ request: Request) throws -> Int? {
        guard let text = request.uri.queryParameters.get("day") else { return nil }
        guard let day = Int(text), (1...station.event.dayCount).contains(day) else {
            throw LanyardError(.invalidInput, "The day is 1 to \(station.event.dayCount).")
        }
        return day
    }
}
