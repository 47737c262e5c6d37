import ArgumentParser
import DoorRules
import Foundation
import Roster
import RosterStore
import Scanning
import Station

extension Lanyard {
    /// `lanyard door`: a full-screen door station reading a scanner.
    struct Door: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a door: scan badges, show ADMIT or DENY, log every scan.",
            discussion: """
                Works with the network down: everything needed is in the data folder. A door station that did not \
                create the event needs the roster and the public key (lanyard keys import-public).
                """)

        @OptionGroup var station: StationOptions
        @Option(help: "The session behind this door.") var session: String?
        @Option(help: "An area instead of a session (exhibition hall …).") var area: String?
        @Option(help: "The area's capacity.") var capacity: Int?
        @Option(help: "in or out.") var direction: DirectionArgument = .in
        @Option(help: "stdin, /dev/input/eventN (keyboard wedge) or a serial device (/dev/ttyACM0).") var scanner = "stdin"
        @Option(help: "A scanner profile in Hardware/scanners (or a profile file).") var profile: String?
        @Option(help: "The scanner's keyboard layout: us, de or fr (keyboard wedges).") var layout: String?
        @Option(help: "Serial speed.") var baud: Int?
        @Option(help: "Anti-passback: deny, warn or off.") var antiPassback = "deny"
        @Flag(help: "Admit delegates who have not checked in at a desk.") var noCheckIn = false
        @Option(name: .customLong("station"), help: "This door's name.") var stationName: String?

        func validate() throws {
            guard (session == nil) != (area == nil) else { throw ValidationError("Give --session or --area.") }
            guard DoorRules.Door.AntiPassback(rawValue: antiPassback) != nil else { throw ValidationError("--anti-passback is deny, warn or off.") }
            if let layout, KeyboardLayout(rawValue: layout) == nil { throw ValidationError("--layout is us, de or fr.") }
        }

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let place: DoorRules.Door.Place = session.map { .session($0.uppercased()) } ?? .area(name: area!, capacity: capacity)
                let door = try DoorStation(
                    desk: try station.openBadgeDesk(),
                    door: DoorRules.Door(
                        place: place, requiresCheckIn: !noCheckIn, antiPassback: DoorRules.Door.AntiPassback(rawValue: antiPassback)!),
                    name: station.deskName(stationName))
                let profile = try profile.map {
                    try ScannerProfile.load($0, from: URL(fileURLWithPath: "Hardware/scanners", isDirectory: true))
                }
                let keyboard = layout.flatMap(KeyboardLayout.init(rawValue:)) ?? profile?.layout ?? .us
                let source = ScannerSource(argument: scanner, layout: keyboard, baud: baud ?? profile?.baud ?? 9600)
                let screen = DoorScreen(door: door, direction: direction.direction, json: station.json)
                screen.showReady()
                for await event in DeviceScanner(source: source, framer: profile?.framer ?? ScanFramer()).events() {
                    switch event {
                    case .scan(let code):
                        screen.show(try door.scan(code, direction: direction.direction), occupancy: try door.occupancy())
                    case .duplicate:
                        screen.note("Same badge again: counted once.")
                    case .partialDiscarded:
                        screen.note("Only part of a code was read. Scan again.")
                    case .disconnected(let reason):
                        screen.note("Scanner disconnected (\(reason)). Waiting for it…")
                    case .reconnected(let path):
                        screen.note("Scanner reconnected: \(path).")
                    }
                }
            }
        }
    }
}
