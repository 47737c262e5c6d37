import GRDB
import Roster

/// A row of the `category` table.
struct CategoryRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "category"

    var code: String
    var name: String
    var isLawEnforcement: Bool

    init(_ category: Category) {
        code = category.code
        name = category.name
        isLawEnforcement = category.isLawEnforcement
    }

    var category: Category { Category(code: code, name: name, isLawEnforcement: isLawEnforcement) }
}
