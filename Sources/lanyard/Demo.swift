import ArgumentParser
import Foundation
import Roster
import RosterImport
import RosterStore
import SampleConference
import Server
import Station

extension Lanyard {
    /// `lanyard demo`: the sample conference's station, open in a browser.
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a station on the bundled sample conference, with demo sign-ins; serve it in a browser.",
            discussion: "The folder is set up the first time and reused after. --no-serve only sets it up.")

        /// The demo's sign-ins: name, role and password.
        static let accounts: [(String, StaffRole, String)] = [
            ("organiser", .organiser, "organiser-demo"), ("desk", .desk, "desk-demo"), ("kiosk", .kiosk, "kiosk-demo"),
            ("door", .door, "door-demo"),
        ]

        @OptionGroup var station: StationOptions
        @OptionGroup var printing: PrintOptions
        @Option(help: "HOST:PORT to listen on.") var listen = "127.0.0.1:8080"
        @OptionGroup var tls: TLSOptions
        @Flag(help: "Set the folder up and stop, without serving.") var noServe = false

        func validate() throws {
            guard ServerConfiguration.address(listen) != nil else { throw ValidationError("--listen is HOST:PORT, as 127.0.0.1:8080.") }
            try tls.validate()
        }

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let progress = Progress()
                let configuration = try self.station.configuration(printers: printing.printers, stallTimeout: printing.stallTimeout)
                let (station, summary) = try await DemoConference.open(configuration, logger: Lanyard.logger()) {
                    progress.update("Importing the sample conference", done: $0.done, total: $0.total)
                }
                progress.finish()
                if summary != nil {
                    for (name, role, password) in Self.accounts { _ = try await station.addStaff(name, role: role, password: password) }
                }
                let delegates = try await station.database.perform { try $0.delegateCount() }
                let event = station.event
                let folder = station.configuration.data.url.path
                if noServe {
                    struct Answer: Encodable {
                        let data: String
                        let event: EventView
                        let delegates: Int
                        let imported: Bool
                    }
                    return try output.answer(Answer(data: folder, event: EventView(event), delegates: delegates, imported: summary != nil)) {
                        "\(event.name): \(delegates) delegates in \(folder)\(summary == nil ? " (reused)" : "")."
                    }
                }
                let notes =
                    [
                        "\(event.name), \(event.venue), from \(event.firstDay) for \(event.dayCount) days (\(event.timeZoneIdentifier) time).",
                        "\(delegates) delegates in \(folder)\(summary == nil ? " (reused)" : "").",
                        "Sign in as:",
                    ] + Self.accounts.map { "  \($0.0.padding(toLength: 10, withPad: " ", startingAt: 0)) password \($0.2)  (\($0.1.rawValue))" }
                    + [
                        "Pages: /dashboard (organiser), /desk (desk, organiser), /kiosk (kiosk), /door (door); signing in opens the right one.",
                        "Stop with Ctrl-C.",
                    ]
                try await Serve.serve(station, listen: listen, tls: try tls.mode(), json: self.station.json, notes: notes)
            }
        }
    }
}
