import Hummingbird
import PrintQueue
import Roster
import Station

/// The desk follows its badges: a print job, and the station's printers.
struct PrintController {
    let station: Station

    func addRoutes(to desk: RouterGroup<StationRequestContext>) {
        desk.get("print-jobs/:key", use: job)
        desk.get("printers", use: printers)
        desk.get("event", use: event)
    }

    @Sendable func job(_ request: Request, context: StationRequestContext) async throws -> PrintJob {
        try await station.printJob(try context.parameters.require("key"))
    }

    @Sendable func printers(_ request: Request, context: StationRequestContext) async throws -> [QueueState] {
        try await station.printers()
    }

    @Sendable func event(_ request: Request, context: StationRequestContext) async throws -> EventView {
        EventView(station.event)
    }
}
