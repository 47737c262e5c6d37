import ArgumentParser
import Foundation
import Roster
import RosterImport
import RosterStore

/// Flags every command that touches a data folder shares.
struct StationOptions: ParsableArguments {
    @Option(name: .long, help: "The data folder (default: $LANYARD_DATA, else ./lanyard-data).")
    var data: String?

    @Flag(name: .long, help: "Answer in JSON (shapes documented in README.md).")
    var json = false

    var folder: DataFolder {
        DataFolder(path: data ?? ProcessInfo.processInfo.environment["LANYARD_DATA"] ?? "lanyard-data")
    }

    /// Opens the folder's store; a folder without one is an error rather than silently created.
    func openDatabase() throws -> RosterDatabase {
        guard folder.exists else {
            throw CLIError(
                "No Lanyard data folder at \(folder.url.path).",
                remedy: "Create one with `lanyard init`, try `lanyard demo`, or point --data at an existing folder.")
        }
        return try RosterDatabase.open(in: folder)
    }
}
