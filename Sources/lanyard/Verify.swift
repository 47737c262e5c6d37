import ArgumentParser
import BadgeRendering
import Badges
import DoorRules
import Foundation
import Roster
import RosterStore
import Station

extension Lanyard {
    /// `lanyard verify`: whether a code is a valid badge and, at a door, ADMIT or DENY with the reason.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify a badge code, or decide a scan at a session door as the door does.",
            discussion: """
                Without --session: is the code a valid badge of this event (exit 0), or why not (exit 5). With \
                --session (or --area): the door's ADMIT (exit 0) or DENY (exit 5) with its reason, recorded in the \
                on-site log at --at unless --dry-run.
                """)

        @OptionGroup var station: StationOptions
        @Option(help: "The text of the badge's QR code.") var code: String
        @Option(help: "Decide entry to this session.") var session: String?
        @Option(help: "Decide entry to this area (exhibition hall …) instead of a session.") var area: String?
        @Option(help: "The time of the scan: YYYY-MM-DDTHH:MM in the event's time zone, or ISO 8601 with an offset.")
        var at: String?
        @Option(help: "in or out.") var direction: DirectionArgument = .in
        @Flag(help: "Answer only; record nothing.") var dryRun = false
        @Option(name: .customLong("station"), help: "This door's name.") var stationName: String?

        func validate() throws {
            if session != nil && area != nil { throw ValidationError("Give --session or --area, not both.") }
        }

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let desk = try station.openBadgeDesk()
                guard let place = session.map({ DoorRules.Door.Place.session($0.uppercased()) }) ?? area.map({ .area(name: $0, capacity: nil) })
                else { return try checkBadge(desk, output) }
                let door = try DoorStation(desk: desk, door: DoorRules.Door(place: place), name: station.deskName(stationName))
                let instant = try at.map { try ScanTime.parse($0, in: desk.event) } ?? Date()
                let decision = try door.scan(code, direction: direction.direction, at: instant, dryRun: dryRun)
                try output.answer(decision) {
                    [decision.verdict.rawValue + "  " + decision.sentence, decision.warning, decision.name.map { "\($0) · \(decision.category ?? "")" }]
                        .compactMap { $0 }.joined(separator: "\n")
                }
                if !decision.isAdmitted { throw ExitCode(5) }
            }
        }

        private func checkBadge(_ desk: BadgeDesk, _ output: Output) throws {
            let check = try desk.check(code)
            let delegate = check.isValid ? try check.claims.map { try desk.database.delegate($0.reference) } : nil
            struct Answer: Encodable {
                let valid: Bool
                let reason: String
                let sentence: String
                let reference: String?
                let serial: Int?
                let delegate: DelegateView?
            }
            let answer = Answer(
                valid: check.isValid, reason: check.reason.code, sentence: check.reason.sentence,
                reference: check.claims?.reference, serial: check.claims.map { Int($0.serial) }, delegate: delegate.map(DelegateView.init))
            try output.answer(answer) {
                let who = delegate.map { " \($0.displayName) (\($0.reference)), \($0.category)." } ?? ""
                return (check.isValid ? "VALID" : "INVALID [\(check.reason.code)]") + " " + check.reason.sentence + who
            }
            if !check.isValid { throw ExitCode(5) }
        }
    }
}

/// `--direction in|out`.
enum DirectionArgument: String, ExpressibleByArgument, CaseIterable {
    case `in`, out

    var direction: Direction { self == .in ? .in : .out }
}
