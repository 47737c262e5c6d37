import Foundation
import GRDB
import Roster

/// A row of the `delegate` table. `id` is the store's own key, used by the search index.
struct DelegateRecord: Codable, FetchableRecord, MutablePersistableRecord {
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

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
