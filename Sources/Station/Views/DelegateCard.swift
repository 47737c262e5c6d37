public import Badges
public import Roster
public import RosterStore

/// Everything the desk shows of one delegate: the registration, the badge in force, the print history and what
/// happened on site. `{delegate, badge?, flags, printJobs, log}`.
public struct DelegateCard: Encodable, Sendable {
    public let delegate: DelegateView
    /// The badge in force, when one was issued.
    public let badge: IssuedBadge?
    /// Notes that stop the check-in until acknowledged (those acknowledged say when).
    public let flags: [DelegateFlag]
    /// Every print of the delegate's badge, oldest first.
    public let printJobs: [PrintJob]
    /// The delegate's entries in the on-site log, oldest first.
    public let log: [LogEntry]
}
