import Foundation
import Roster
import RosterImport
import RosterStore

/// A command-line mistake (missing folder, bad flag combination) worded like a ``LanyardError``.
struct CLIError: Error {
    let error: LanyardError
    init(_ message: String, remedy: String? = nil) {
        error = LanyardError(.invalidInput, message, remedy: remedy)
    }
}
