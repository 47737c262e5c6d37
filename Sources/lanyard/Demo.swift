import ArgumentParser
import Foundation
import Roster
import RosterImport
import RosterStore
import SampleConference
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
                let (station, summary) = try await DemoConference.open(try self.station.configuration(), logger: Lanyard.logger()) {
                    progress.update("Importing the sample conference", done: $0.done, total: $0.total)
                }
                progress.finish()
                let event = station.event
                let delegates = try await station.database.perform { try $0.delegateCount() }
                struct Answer: Encodable {
                    let data: String
                    let event: EventView
                    let delegates: Int
                    let imported: Bool
                }
                let folder = station.configuration.data.url.path
                try output.answer(Answer(data: folder, event: EventView(event), delegates: delegates, imported: summary != nil)) {
                    """
                    \(event.name), \(event.venue), from \(event.firstDay) for \(event.dayCount) days (\(event.timeZoneIdentifier) time).
                    \(delegates) delegates in \(folder)\(summary == nil ? " (reused)" : "").

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
