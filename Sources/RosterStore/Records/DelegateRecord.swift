import Foundation
import GRDB
import Roster

/// A row of the `delegate` table. `id` is the store's own key, used by the search index.
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
    var nativeName: String?
    var organisation: String
    var country: String
    var category: String
    var email: String
    var sessions: [String]
    var days: [Int]
    var status: RegistrationStatus
    var updatedAt: Date

    init(_ delegate: Delegate, id: Int64? = nil, updatedAt: Date) {
        self.id = id
        reference = delegate.reference
        title = delegate.title
        givenName = delegate.givenName
        familyName = delegate.familyName
        nativeName = delegate.nativeName
        organisation = delegate.organisation
        country = delegate.country
        category = delegate.category
        email = delegate.email
        sessions = delegate.sessions
        days = delegate.days
        status = delegate.status
        self.updatedAt = updatedAt
    }

    var delegate: Delegate {
        Delegate(
            reference: reference, title: title, givenName: givenName, familyName: familyName, nativeName: nativeName,
            organisation: organisation, country: country, category: category, email: email, sessions: sessions,
            days: days, status: status)
    }

    /// Inserts through one cached statement: imports write a hundred thousand of these, and GRDB's generic
    /// insert costs more per row than SQLite does.
    func insertQuickly(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO delegate (reference, title, givenName, familyName, nativeName, organisation, country, category,
                email, sessions, days, status, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                reference, title, givenName, familyName, nativeName, organisation, country, category, email,
                JSONText.array(sessions), JSONText.array(days), status.rawValue, updatedAt,
            ])
    }

    /// Written by hand rather than through `Encodable`, in step with ``insertQuickly(_:)``.
    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["reference"] = reference
        container["title"] = title
        container["givenName"] = givenName
        container["familyName"] = familyName
        container["nativeName"] = nativeName
        container["organisation"] = organisation
        container["country"] = country
        container["category"] = category
        container["email"] = email
        container["sessions"] = JSONText.array(sessions)
        container["days"] = JSONText.array(days)
        container["status"] = status.rawValue
        container["updatedAt"] = updatedAt
    }
}
