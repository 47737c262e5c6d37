public import BadgeRendering
public import Foundation
public import Roster
public import RosterStore

/// Makes the document a print job sends: the delegate's badge, signed and rendered for one printer's template
/// and format. The station's badge desk is the real one.
public protocol BadgeMaker: Sendable {
    /// Renders `job`'s badge into `url`: the badge the job carries (``PrintJob/code``), or, for a job that carries
    /// none yet, a new one. A new badge is only prepared, never recorded: the spooler records it together with the
    /// job once the document exists, so a badge that cannot be rendered burns no serial.
    /// - Parameters:
    ///   - template: A badge template name, or nil for the default.
    /// - Throws: ``LanyardError`` `renderFailure` or `templateError` when the badge cannot be rendered.
    func makeBadge(for job: PrintJob, template: String?, format: RenderFormat, to url: URL, at now: Date) throws -> MadeBadge
}

/// A badge rendered for a print job.
public struct MadeBadge: Sendable {
    /// The badge's QR text.
    public let code: String
    public let serial: Int
    /// The new badge to record with the job, when the job carried none.
    public let issue: BadgeIssue?

    public init(code: String, serial: Int, issue: BadgeIssue?) {
        self.code = code
        self.serial = serial
        self.issue = issue
    }
}
