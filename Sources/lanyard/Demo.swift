import ArgumentParser
import Foundation
import Roster
import RosterImport
import RosterStore
import Station

extension Lanyard {
    /// `lanyard demo`: a data folder with the sample conference, ready to try.
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set up (or reuse) a data folder with the bundled sample conference.")

        @OptionGroup var station: StationOptions

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let progress = Progress()
                let (database, summary) = try DemoConference.prepare(in: station.folder) {
                    progress.update("Importing the sample conference", done: $0.done, total: $0.total)
                }
                progress.finish()
                let event = try database.event()
                struct Answer: Encodable { let data: String; let event: EventView; let delegates: Int; let imported: Bool }
                try output.answer(
                    Answer(data: station.folder.url.path, event: EventView(event), delegates: try database.delegateCount(), imported: summary != nil)
                ) {
                    """
                    \(event.name), \(event.venue), from \(event.firstDay) for \(event.dayCount) days.
                    \(try! database.delegateCount()) delegates in \(station.folder.url.path)\(summary == nil ? " (reused)" : "").

                    Try:
                      lanyard search shevchenko         a name in any script or spelling
                      lanyard search Παπαδοπούλου
                      lanyard search brzeczyszczykiewcz one typo is fine
                      lanyard show ESOCC-00012
                      lanyard checkin ESOCC-00012 --station desk-1
                      lanyard checkin ESOCC-00017       a cancelled registration is refused
                    """
                }
            }
        }
    }
}
