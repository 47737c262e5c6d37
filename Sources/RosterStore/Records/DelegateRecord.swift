import Foundation
import GRDB
import Roster

/// A row of the `delegate` table. `id` is the store's own key, used by the search index; the `search` columns
/// hold the delegate's folded spellings (``SearchDocument``), space-separated.
struct DelegateRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "delegate"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let reference = Column(CodingKeys.reference)
        static let familyName = Column(CodingKeys.familyName)
        static let givenName = Column(CodingKeys.givenName)
        static let status = Column(CodingKeys.status)
    }

    var id: Int64?
    var reference: String
    var title: String
    var givenName: String
    var familyName: String
    var fullName: String?
    var nativeName: String?
    var organisation: String
    var country: String
    var category: String
    var email: String
    var sessions: [String]
    var days: [Int]
    var status: RegistrationStatus
    var updatedAt: Date
    var searchFamily: String
    var searchGiven: String
    var searchOther: String

    init(_ delegate: Delegate, search: SearchDocument, id: Int64? = nil, updatedAt: Date) {
        self.id = id
        reference = delegate.reference
        title = delegate.title
        givenName = delegate.givenName
        familyName = delegate.familyName
        fullName = delegate.fullName
        nativeName = delegate.nativeName
        organisation = delegate.organisation
        country = delegate.country
        category = delegate.category
        email = delegate.email
        sessions = delegate.sessions
        days = delegate.days
        status = delegate.status
        self.updatedAt = updatedAt
        searchFamily = search.familyText
        searchGiven = search.givenText
        searchOther = search.otherText
    }

    /// Read by hand rather than through `Decodable`, which costs several times more: a desk's search reads ten of
    /// these for every keystroke.
    init(row: Row) throws {
        id = row["id"]
        reference = row["reference"]
        title = row["title"]
        givenName = row["givenName"]
        familyName = row["familyName"]
        fullName = row["fullName"]
        nativeName = row["nativeName"]
        organisation = row["organisation"]
        country = row["country"]
        category = row["category"]
        email = row["email"]
        let sessions: String = row["sessions"] ?? "[]", days: String = row["days"] ?? "[]"
        self.sessions = try JSONText.strings(sessions) ?? Self.decoder.decode([String].self, from: Data(sessions.utf8))
        self.days = try JSONText.numbers(days) ?? Self.decoder.decode([Int].self, from: Data(days.utf8))
        let status: String = row["status"]
        guard let known = RegistrationStatus(rawValue: status) else {
            throw LanyardError(.storeFailure, "Delegate \(reference) has the unknown status \(status) in the store.")
        }
        self.status = known
        updatedAt = row["updatedAt"]
        searchFamily = row["searchFamily"]
        searchGiven = row["searchGiven"]
        searchOther = row["searchOther"]
    }

    private static let decoder = JSONDecoder()

    var delegate: Delegate {
        Delegate(
            reference: reference, title: title, givenName: givenName, familyName: familyName, fullName: fullName,
            nativeName: nativeName,
            organisation: organisation, country: country, category: category, email: email, sessions: sessions,
            days: days, status: status)
    }

    /// Written by hand rather than through `Encodable`, in step with ``DelegateRowWriter``.
    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["reference"] = reference
        container["title"] = title
        container["givenName"] = givenName
        container["familyName"] = familyName
        container["fullName"] = fullName
        container["nativeName"] = nativeName
        container["organisation"] = organisation
        container["country"] = country
        container["category"] = category
        container["email"] = email
        container["sessions"] = JSONText.array(sessions)
        container["days"] = JSONText.array(days)
        container["status"] = status.rawValue
        container["updatedAt"] = updatedAt
        container["searchFamily"] = searchFamily
        container["searchGiven"] = searchGiven
        container["searchOther"] = searchOther
    }
}
