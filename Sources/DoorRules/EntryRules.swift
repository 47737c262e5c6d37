import Badges
import Foundation
import Roster

/// Decides a scan at a door: a pure function of the request, so a door decides alone and the server agrees.
///
/// In order: the badge (format, signature, event, reprint, revocation, unknown delegate); for an exit, nothing
/// more; the registration (cancelled); check-in at a desk (when the door requires it); the day the badge is valid
/// on; the session's day and access rule; the door's time window; the room's capacity; anti-passback.
public enum EntryRules {
    public static func decide(_ request: EntryRequest) -> EntryDecision {
        let delegate = request.delegate
        func deny(_ reason: String, _ sentence: String) -> EntryDecision {
            EntryDecision(
                verdict: .deny, reason: reason, sentence: sentence, reference: delegate?.reference ?? request.badge.claims?.reference,
                name: delegate?.displayName, category: request.category?.name ?? delegate?.category)
        }
        guard request.badge.isValid else { return deny(request.badge.reason.code, request.badge.sentence) }
        guard let delegate else { return deny("unknown-delegate", "The badge names nobody on the roster. Send the person to the desk.") }
        if request.direction == .out {
            return EntryDecision(
                verdict: .admit, reason: "exit", sentence: "Exit recorded.", reference: delegate.reference,
                name: delegate.displayName, category: request.category?.name ?? delegate.category)
        }
        if delegate.status == .cancelled {
            return deny("registration-cancelled", "This registration is cancelled. Send the person to the desk.")
        }
        if request.door.requiresCheckIn && !request.isCheckedIn {
            return deny("not-checked-in", "Not checked in yet. Send the person to a registration desk first.")
        }
        guard let today = request.event.dayNumber(at: request.at) else {
            return deny("outside-event", "The event is not on today.")
        }
        guard request.badge.claims?.days.contains(today) ?? false, delegate.days.contains(today) else {
            let days = delegate.days.map(String.init).joined(separator: ", ")
            return deny("not-valid-today", "This badge is not valid today (day \(today)); it is valid on day \(days).")
        }
        var capacity: Int?
        if let session = request.session {
            if let denial = sessionDenial(session, today: today, request: request, deny: deny) { return denial }
            capacity = session.capacity
        } else {
            capacity = request.door.areaCapacity
        }
        if request.isInside {
            switch request.door.antiPassback {
            case .deny:
                return deny("already-inside", "This badge is already inside and has not gone out. It may have been passed back.")
            case .warn, .off:
                break
            }
        }
        if let capacity, request.occupancy >= capacity, !request.isInside {
            return deny("room-full", "The room is full (\(request.occupancy) of \(capacity)).")
        }
        let warning =
            request.isInside && request.door.antiPassback == .warn
            ? "Already inside with no exit scanned: check the badge against the person." : nil
        return EntryDecision(
            verdict: .admit, reason: "admitted", sentence: "Welcome.", warning: warning, reference: delegate.reference,
            name: delegate.displayName, category: request.category?.name ?? delegate.category)
    }

    private static func sessionDenial(
        _ session: Session, today: Int, request: EntryRequest, deny: (String, String) -> EntryDecision
    ) -> EntryDecision? {
        let delegate = request.delegate!
        guard session.day == today else {
            return deny("session-not-today", "\(session.code) is on day \(session.day), not today.")
        }
        let registered = delegate.sessions.contains(session.code)
        switch session.access {
        case .all:
            break
        case .registered where !registered:
            return deny("not-registered", "Not registered for \(session.code). Registered delegates only.")
        case .registeredLawEnforcement where !registered:
            return deny("not-registered", "Not registered for \(session.code). Registered delegates only.")
        case .registeredLawEnforcement where !(request.category?.isLawEnforcement ?? false):
            return deny("law-enforcement-only", "\(session.code) is for law enforcement only.")
        case .invitation where !registered:
            return deny("not-invited", "\(session.code) is by invitation only, and this delegate is not invited.")
        case .categories(let codes) where !codes.contains(delegate.category.uppercased()):
            return deny("category-not-admitted", "\(session.code) admits \(codes.joined(separator: ", ")) only.")
        default:
            break
        }
        let zone = request.event.timeZone
        if let start = request.event.instant(day: session.day, time: session.start),
            request.at < start.addingTimeInterval(-Double(request.door.opensMinutesBefore) * 60)
        {
            let opens = start.addingTimeInterval(-Double(request.door.opensMinutesBefore) * 60)
            return deny("door-not-open", "The door opens at \(clock(opens, zone)).")
        }
        if let end = request.event.instant(day: session.day, time: session.end), request.at >= end {
            return deny("session-ended", "\(session.code) ended at \(session.end).")
        }
        return nil
    }

    private static func clock(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}
