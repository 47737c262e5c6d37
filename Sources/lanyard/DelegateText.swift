import Roster

/// How a delegate reads in a terminal.
enum DelegateText {
    /// One line for lists: reference, name (and native name), category, country, organisation, and a mark when
    /// cancelled.
    static func line(_ delegate: Delegate) -> String {
        let native = delegate.nativeName.map { " (\($0))" } ?? ""
        let cancelled = delegate.status == .cancelled ? "  [CANCELLED]" : ""
        return
            "\(delegate.reference)  \(delegate.displayName)\(native)  \(delegate.category)  \(delegate.country)  \(delegate.organisation)\(cancelled)"
    }

    /// A log entry as a line of the delegate's history, in the event's time.
    static func line(_ entry: LogEntry, event: Event) -> String {
        let what: String =
            switch entry.details {
            case .checkIn(let checkIn): "checked in (day \(checkIn.day))\(checkIn.forced ? ", overriding a cancellation" : "")"
            case .checkOut: "checked out"
            case .badgeIssued(let issue): "badge \(issue.serial) issued\(issue.reason.map { " (\($0))" } ?? "")"
            case .badgeRevoked(let revocation): "badge \(revocation.serial) revoked (\(revocation.reason))"
            case .scan(let scan): "\(scan.verdict.rawValue) \(scan.direction.rawValue) at \(scan.door) [\(scan.reason)]"
            case .print(let print): print.outcome == .printed ? "printed on \(print.queue ?? "?")" : "print failed: \(print.message ?? "")"
            case .walkIn: "registered as a walk-in"
            case .nameCorrected(let correction): "name corrected from “\(correction.before.givenName) \(correction.before.familyName)”"
            case .flagged(let flag): "flagged: \(flag.note)"
            case .flagAcknowledged(let flag): "flag acknowledged: \(flag.note)"
            case .checkInUndone(let undo): "check-in undone\(undo.reason.map { " (\($0))" } ?? "")"
            case .scanAnnulled(let annulment): "scan annulled\(annulment.reason.map { " (\($0))" } ?? "")"
            }
        return "\(event.localDateTime(entry.at))  \(what) at \(entry.station)\(entry.staff.map { " by \($0)" } ?? "")"
    }
}
