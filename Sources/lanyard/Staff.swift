import ArgumentParser
import Foundation
import Roster
import RosterStore
import Station

extension Lanyard {
    /// `lanyard staff`: the people and machines who may use the station, and what they may do.
    struct Staff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add, list and revoke the station's staff and machine tokens.",
            subcommands: [Add.self, Token.self, Revoke.self, List.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add a member of staff; prints a one-time password, changed at their first sign-in.")
            @OptionGroup var station: StationOptions
            @Argument(help: "Their name, as they sign in.") var name: String
            @Option(help: "organiser, desk, kiosk, door or station.") var role: StaffRole

            func run() async throws {
                let output = Output(json: station.json)
                try await output.run {
                    let (member, password) = try await station.open().addStaff(name, role: role)
                    struct Answer: Encodable {
                        let name: String
                        let role: StaffRole
                        let password: String
                    }
                    try output.answer(Answer(name: member.name, role: member.role, password: password)) {
                        "\(member.name) (\(member.role.rawValue)) can sign in once with the password \(password), then chooses their own."
                    }
                }
            }
        }

        struct Token: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Print a bearer token for a machine (a kiosk, a turnstile, a script) acting as a member of staff.")
            @OptionGroup var station: StationOptions
            @Argument(help: "The member of staff the machine acts as.") var name: String
            @Option(help: "Make NAME first, with this role, when there is no such member of staff (station: another station joining this hub).")
            var role: StaffRole?

            func run() async throws {
                let output = Output(json: station.json)
                try await output.run {
                    let station = try await station.open()
                    if let role { try await station.ensureStaff(name, role: role) }
                    let token = try await station.issueToken(for: name)
                    struct Answer: Encodable {
                        let name: String
                        let token: String
                    }
                    try output.answer(Answer(name: name, token: token)) { token }
                }
            }
        }

        struct Revoke: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Revoke a member of staff: their sessions and tokens stop at once.")
            @OptionGroup var station: StationOptions
            @Argument(help: "Their name.") var name: String

            func run() async throws {
                let output = Output(json: station.json)
                try await output.run {
                    try await station.open().revokeStaff(name)
                    struct Answer: Encodable { let revoked: String }
                    try output.answer(Answer(revoked: name)) { "\(name) is revoked." }
                }
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the station's staff.")
            @OptionGroup var station: StationOptions

            func run() async throws {
                let output = Output(json: station.json)
                try await output.run {
                    let staff = try await station.open().staff()
                    try output.answer(staff) {
                        staff.map { "\($0.name)  \($0.role.rawValue)\($0.revokedAt == nil ? "" : "  revoked")" }.joined(separator: "\n")
                    }
                }
            }
        }
    }
}
