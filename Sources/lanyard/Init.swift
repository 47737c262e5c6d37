import ArgumentParser
import Foundation
import Roster
import RosterStore
import Station

extension Lanyard {
    /// `lanyard init`: creates the event in a new data folder.
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create the event in a data folder.")

        @OptionGroup var station: StationOptions
        @Option(help: "The event's name.") var name: String
        @Option(help: "Where it takes place.") var venue: String = ""
        @Option(name: .customLong("first-day"), help: "The first day, YYYY-MM-DD.") var firstDay: String
        @Option(help: "How many days it lasts.") var days: Int = 1
        @Option(name: .customLong("time-zone"), help: "The IANA time zone of the venue (Europe/Brussels …): every time is shown in it.")
        var timeZone: String

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let event = try Event(name: name, venue: venue, firstDay: firstDay, dayCount: days, timeZoneIdentifier: timeZone)
                let configuration = try station.configuration()
                _ = try await Station.create(event, configuration: configuration, logger: Lanyard.logger())
                struct Answer: Encodable {
                    let event: EventView
                    let data: String
                }
                try output.answer(Answer(event: EventView(event), data: configuration.data.url.path)) {
                    """
                    Created \(event.name) (\(event.firstDay), \(event.dayCount) day\(event.dayCount == 1 ? "" : "s"), \
                    \(event.timeZoneIdentifier) time) in \(configuration.data.url.path).
                    Next: lanyard import delegates.csv --sessions sessions.csv --categories categories.csv
                    """
                }
            }
        }
    }
}
