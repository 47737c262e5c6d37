public import Foundation

/// What one pull from the registration system did: `{source, outcome, at, rowsRead?, rowsAccepted?, added?,
/// updated?, cancelled?, reinstated?, problem?, etag?}`.
public struct UpstreamPull: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        /// A new copy was taken into the roster.
        case imported
        /// The source answered that nothing changed (304), or sent the same copy.
        case unchanged
        /// The copy had bad rows or could not be read: nothing was changed.
        case rejected
        /// The source could not be reached or refused the token: nothing was changed; the next pull tries again.
        case unreachable
        /// The copy could not be written here (the store failed or stayed locked): the next pull tries again.
        case failed
        /// Another hub of the event was pulling at that moment, so this one did not (hubs sharing a database).
        case elsewhere
    }

    public var source: String
    public var outcome: Outcome
    public var at: Date
    public var rowsRead: Int?
    public var rowsAccepted: Int?
    public var added: Int?
    public var updated: Int?
    public var cancelled: Int?
    public var reinstated: Int?
    /// Why a copy was rejected or the source not reached, as a sentence.
    public var problem: String?
    /// The copy's ETag, when the source gave one.
    public var etag: String?

    public init(source: String, outcome: Outcome, at: Date, problem: String? = nil) {
        self.source = source
        self.outcome = outcome
        self.at = at
        self.problem = problem
    }
}
