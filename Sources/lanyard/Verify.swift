import ArgumentParser
import DoorRules
import Foundation
import Roster
import Station

extension Lanyard {
    /// `lanyard verify`: whether a code is a valid badge and, at a door, ADMIT or DENY with the reason.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify a badge code, or decide a scan at a door as the door does.",
            discussion: """
                Without --door, --session or --area: is the code a valid badge of this event (exit 0), or why not \
                (exit 5). With one of them: the door's ADMIT (exit 0) or DENY (exit 5) with its reason, decided by the \
                same rules as `lanyard door` (doors configured in station.yaml), recorded in the on-site log at --at \
                unless --dry-run.
                """)

        @OptionGroup var station: StationOptions
        @Option(help: "The text of the badge's QR code.") var code: String
        @Option(help: "A door of station.yaml, or a session code.") var door: String?
        @Option(help: "Decide entry to this session.") var session: String?
        @Option(help: "Decide entry to this area (exhibition hall …).") var area: String?
        @Option(help: "The time of the scan: ISO 8601 (YYYY-MM-DDTHH:MM, seconds and an offset optional; event time without one).")
        var at: String?
        @Option(help: "in or out.") var direction: Direction = .in
        @Flag(help: "Answer only; record nothing.") var dryRun = false

        func validate() throws {
            guard [door, session, area].compactMap({ $0 }).count <= 1 else { throw ValidationError("Give one of --door, --session and --area.") }
        }

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let station = try await station.open()
                let controller: DoorController
                if let door {
                    controller = try await station.door(named: door)
                } else if let session {
                    controller = try await station.door(session: session)
                } else if let area {
                    controller = try await station.door(area: area)
                } else {
                    return try await checkBadge(station, output)
                }
                let instant = try at.map { try station.event.parseTime($0) } ?? Date()
                let scan = try await controller.scan(code, direction: direction, at: instant, dryRun: dryRun)
                await controller.flush()
                let decision = scan.decision
                try output.answer(decision) {
                    [
                        decision.verdict.rawValue + "  " + decision.sentence, decision.warning,
                        decision.name.map { "\($0) · \(decision.category ?? "")" },
                    ]
                    .compactMap { $0 }.joined(separator: "\n")
                }
                if !decision.isAdmitted { throw ExitStatus.denied.exitCode }
            }
        }

        private func checkBadge(_ station: Station, _ output: Output) async throws {
            let view = try await station.verify(code)
            try output.answer(view) {
                let who = view.delegate.map { " \($0.delegate.displayName) (\($0.delegate.reference)), \($0.delegate.category)." } ?? ""
                return (view.valid ? "VALID" : "INVALID [\(view.reason)]") + " " + view.sentence + who
            }
            if !view.valid { throw ExitStatus.denied.exitCode }
        }
    }
}
