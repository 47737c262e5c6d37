import Foundation
import Roster
import RosterImport
import RosterStore

/// The JSON shape of a delegate: the registration as stored, plus the name as a badge shows it.
struct DelegateView: Encodable {
    let reference: String
    let title: String
    let givenName: String
    let familyName: String
    let displayName: String
    let nativeName: String?
    let organisation: String
    let country: String
    let category: String
    let email: String
    let sessions: [String]
    let days: [Int]
    let status: RegistrationStatus

    init(_ delegate: Delegate) {
        reference = delegate.reference
        title = delegate.title
        givenName = delegate.givenName
        familyName = delegate.familyName
        displayName = delegate.displayName
        nativeName = delegate.nativeName
        organisation = delegate.organisation
        country = delegate.country
        category = delegate.category
        email = delegate.email
        sessions = delegate.sessions
        days = delegate.days
        status = delegate.status
    }

    /// One line for lists: reference, name (and native name), category, country, organisation, and a mark when cancelled.
    static func line(_ delegate: Delegate) -> String {
        let native = delegate.nativeName.map { " (\($0))" } ?? ""
        let cancelled = delegate.status == .cancelled ? "  [CANCELLED]" : ""
        return "\(delegate.reference)  \(delegate.displayName)\(native)  \(delegate.category)  \(delegate.country)  \(delegate.organisation)\(cancelled)"
    }
}
