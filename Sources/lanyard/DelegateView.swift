import Foundation
import Roster
import RosterImport
import RosterStore

/// The JSON shape of a delegate: the registration as stored (``Delegate``'s own keys), plus `displayName`, the name
/// as a badge shows it.
struct DelegateView: Encodable {
    let delegate: Delegate

    init(_ delegate: Delegate) {
        self.delegate = delegate
    }

    private enum Keys: String, CodingKey { case displayName }

    func encode(to encoder: any Encoder) throws {
        try delegate.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(delegate.displayName, forKey: .displayName)
    }

    /// One line for lists: reference, name (and native name), category, country, organisation, and a mark when cancelled.
    static func line(_ delegate: Delegate) -> String {
        let native = delegate.nativeName.map { " (\($0))" } ?? ""
        let cancelled = delegate.status == .cancelled ? "  [CANCELLED]" : ""
        return "\(delegate.reference)  \(delegate.displayName)\(native)  \(delegate.category)  \(delegate.country)  \(delegate.organisation)\(cancelled)"
    }
}
