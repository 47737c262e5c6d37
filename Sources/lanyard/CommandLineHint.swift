import Roster

/// What to type next, for failures whose library remedy speaks of the action rather than of this command line.
enum CommandLineHint {
    /// The remedy to show for `error`: the command line's own where it has one, else the library's.
    static func remedy(for error: LanyardError) -> String? {
        switch error.code {
        case .registrationCancelled: "An organiser can check them in anyway with --force; the override is recorded."
        case .noEvent where error.remedy?.contains("lanyard") != true:
            "Create the event with `lanyard init`, or try `lanyard demo`."
        case .notFound where error.message.hasPrefix("No delegate has the reference"):
            "Search by name with `lanyard search`."
        case .keyFailure where error.message.contains("public key"):
            "On the desk: `lanyard keys export-public`; here: `lanyard keys import-public KEY`."
        case .storeBusy: "Another lanyard command is writing to this data folder; try again when it has finished."
        case .printSystemFailure: (error.remedy ?? "") + " Check the queues with `lanyard printers`."
        default: error.remedy
        }
    }
}
