import ArgumentParser
import Foundation

/// `lanyard-bench`: the figures the issues ask for, measured on this machine. Build with `-c release`.
@main
struct LanyardBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lanyard-bench",
        abstract: "Benchmark Lanyard on this machine (build with -c release).",
        subcommands: [
            RosterCommand.self, RosterStationCommand.self, BadgesCommand.self, DoorsCommand.self, DoorsUnderImportCommand.self, PrintingCommand.self,
            DesksCommand.self, VenueCommand.self, SyncCommand.self, HubsCommand.self,
        ])
}
