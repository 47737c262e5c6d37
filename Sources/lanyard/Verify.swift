import ArgumentParser
import BadgeRendering
import Badges
import Foundation
import Roster
import RosterStore
import Station

extension Lanyard {
    /// `lanyard verify`: says whether a scanned code is a valid badge of this event, and why not.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify a badge code.",
            discussion: "Exit status 0 for a valid badge, 5 for any other verdict (its reason code says which).")

        @OptionGroup var station: StationOptions
        @Option(help: "The text of the badge's QR code.") var code: String

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let desk = try station.openBadgeDesk()
                let check = try desk.check(code)
                let delegate = try check.claims.flatMap { claims in
                    try desk.database.hasDelegate(claims.reference) ? try desk.database.delegate(claims.reference) : nil
                }
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
                    reference: check.claims?.reference, serial: check.claims.map { Int($0.serial) },
                    delegate: check.isValid ? delegate.map(DelegateView.init) : nil)
                try output.answer(answer) {
                    let who = delegate.map { " \($0.displayName) (\($0.reference)), \($0.category)." } ?? ""
                    return (check.isValid ? "VALID" : "INVALID [\(check.reason.code)]") + " " + check.reason.sentence + (check.isValid ? who : "")
                }
                if !check.isValid { throw ExitCode(5) }
            }
        }
    }
}
