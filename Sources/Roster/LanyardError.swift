/// The one error type Lanyard's libraries throw.
///
/// It says what went wrong (``message``) and, where there is one, what to do about it (``remedy``).
/// Codes are `static let`s so that new ones can be added without breaking callers; the CLI turns an error into a
/// sentence and an exit status, the HTTP layer into a status code.
public struct LanyardError: Error, Sendable, CustomStringConvertible {
    /// A stable, machine-readable identifier of the kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Something the caller named (a delegate, an event, a template) does not exist.
        public static let notFound = Code("not-found")
        /// The thing to create exists already.
        public static let alreadyExists = Code("already-exists")
        /// Input (a file, a flag, a field) is malformed.
        public static let invalidInput = Code("invalid-input")
        /// A file could not be read at all.
        public static let unreadableFile = Code("unreadable-file")
        /// The registration is cancelled, so the action is refused.
        public static let registrationCancelled = Code("registration-cancelled")
        /// The data folder holds no event yet.
        public static let noEvent = Code("no-event")
        /// The store could not be opened or written.
        public static let storeFailure = Code("store-failure")
        /// A badge template is wrong.
        public static let templateError = Code("template-error")
        /// A badge could not be rendered faithfully.
        public static let renderFailure = Code("render-failure")
        /// A key is missing or malformed.
        public static let keyFailure = Code("key-failure")
        /// The store stayed locked by another writer for longer than a station waits.
        public static let storeBusy = Code("store-busy")
        /// The action conflicts with what happened meanwhile (a badge issued elsewhere, a job already finished).
        public static let conflict = Code("conflict")
        /// The print system (CUPS) or a printer failed or cannot be reached.
        public static let printSystemFailure = Code("print-system-failure")
        /// The print system no longer knows a job it was given.
        public static let printJobUnknown = Code("print-job-unknown")
        /// The station's configuration (`station.yaml`, flags, environment) is wrong.
        public static let configurationError = Code("configuration-error")
        /// Staff must read something first (a delegate's flags) and say so.
        public static let attentionRequired = Code("attention-required")
        /// Who is asking is not known (no session, a wrong password, a revoked token).
        public static let notSignedIn = Code("not-signed-in")
        /// Who is asking may not do this.
        public static let notPermitted = Code("not-permitted")
        /// Too many attempts; wait before trying again.
        public static let tooManyAttempts = Code("too-many-attempts")
        /// The action's time has passed (an undo after its window).
        public static let tooLate = Code("too-late")
        /// A kiosk cannot do this for the delegate; a desk can (a cancelled registration, a badge already printed).
        public static let seeADesk = Code("see-a-desk")
        /// The hub a station joined cannot be reached, or refused it.
        public static let hubUnreachable = Code("hub-unreachable")
    }

    public let code: Code
    /// What went wrong, as a sentence for a person.
    public let message: String
    /// What to do about it, as a sentence, when there is something to do.
    public let remedy: String?
    /// The underlying error, when there is one.
    public let cause: (any Error)?

    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: What went wrong, as a sentence.
    ///   - remedy: What to do about it, as a sentence.
    ///   - cause: The underlying error.
    public init(_ code: Code, _ message: String, remedy: String? = nil, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.remedy = remedy
        self.cause = cause
    }

    public var description: String {
        [message, remedy].compactMap { $0 }.joined(separator: " ")
    }
}
