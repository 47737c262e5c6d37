import ArgumentParser
import DoorRules
import Foundation
import Roster
import Station

extension Lanyard {
    /// `lanyard door`: a full-screen door station reading a scanner.
    struct Door: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a door: scan badges, show ADMIT or DENY, log every scan.",
            discussion: """
                The door's rules (time window, anti-passback, check-in requirement, site exit) come from the doors of \
                station.yaml; a session without a configured door gets the default rules, as `lanyard verify` does. \
                Works with the network down and while another program writes to the store: everything needed is in \
                the data folder, and scans are kept in the folder's outbox until the store takes them.
                """)

        @OptionGroup var station: StationOptions
        @Option(help: "A door of station.yaml, or a session code.") var door: String?
        @Option(help: "The session behind this door.") var session: String?
        @Option(help: "An area instead of a session (exhibition hall …).") var area: String?
        @Option(help: "in or out.") var direction: Direction?
        @Option(help: "stdin, /dev/input/eventN (keyboard wedge) or a serial device (/dev/ttyACM0); default: station.yaml's scanner, else stdin.")
        var scanner: String?
        @Option(help: "A scanner profile (shipped in Hardware/scanners, or in the hardware folder).") var profile: String?

        func validate() throws {
            guard [door, session, area].compactMap({ $0 }).count <= 1 else { throw ValidationError("Give one of --door, --session and --area.") }
        }

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let station = try await station.open()
                let settings = station.configuration.scanner
                guard let name = door ?? session ?? area ?? settings?.door else {
                    throw ValidationError("Give --door, --session or --area (or a scanner door in station.yaml).")
                }
                let controller = try await area != nil ? station.door(area: name) : station.door(named: name)
                let direction = direction ?? settings?.direction ?? .in
                let input = try station.scanner(device: scanner ?? settings?.device ?? "stdin", profile: profile ?? settings?.profile)
                let screen = DoorScreen(door: controller.door.name, direction: direction, json: self.station.json)
                screen.showReady()
                for await update in station.run(controller, direction: direction, input: input) {
                    screen.show(update)
                }
            }
        }
    }
}
