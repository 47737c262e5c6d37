import ArgumentParser
import Foundation
import Roster
import RosterStore
import Station

extension Lanyard {
    /// `lanyard keys`: the event's badge-signing keys.
    struct Keys: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage the event's badge-signing keys.", subcommands: [ExportPublic.self, ImportPublic.self])

        struct ExportPublic: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "export-public", abstract: "Print the public key a door station needs to verify badges.")
            @OptionGroup var station: StationOptions

            func run() async throws {
                let output = Output(json: station.json)
                try await output.run {
                    let station = try await station.open()
                    let key = try station.keys.publicKeyText()
                    struct Answer: Encodable {
                        let eventID: String
                        let publicKey: String
                        let algorithm: String
                    }
                    try output.answer(Answer(eventID: station.event.id.uuidString, publicKey: key, algorithm: "Ed25519")) { key }
                }
            }
        }

        struct ImportPublic: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import-public", abstract: "Install the event's public key on a door station.")
            @OptionGroup var station: StationOptions
            @Argument(help: "The key `lanyard keys export-public` printed.") var key: String

            func run() async throws {
                let output = Output(json: station.json)
                try await output.run {
                    let folder = try station.configuration().data
                    try EventKeys(folder: folder).importPublicKey(key)
                    struct Answer: Encodable { let imported: Bool }
                    try output.answer(Answer(imported: true)) { "Public key installed in \(folder.url.path)." }
                }
            }
        }
    }
}
