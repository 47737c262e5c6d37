import Foundation
import GRDB
import GRDBSQLite
import Roster

/// Inserts new delegates through one prepared statement bound with SQLite's own calls (GRDB's documented raw
/// access): an import writes a hundred thousand rows, and binding them through `StatementArguments` costs more
/// than SQLite's insert itself.
struct DelegateRowWriter {
    private let db: Database
    private let statement: Statement
    /// `updatedAt` as GRDB writes dates, converted once: formatting a date costs more than the insert.
    private let stamp: String

    init(_ db: Database, updatedAt: Date) throws {
        self.db = db
        statement = try db.makeStatement(
            sql: """
                INSERT INTO delegate (reference, title, givenName, familyName, fullName, nativeName, organisation, country,
                    category, email, sessions, days, status, updatedAt, searchFamily, searchGiven, searchOther)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        stamp = String.fromDatabaseValue(updatedAt.databaseValue) ?? ""
    }

    func insert(_ delegate: Delegate, search: SearchDocument) throws {
        let values: [String?] = [
            delegate.reference, delegate.title, delegate.givenName, delegate.familyName, delegate.fullName, delegate.nativeName,
            delegate.organisation, delegate.country, delegate.category, delegate.email, JSONText.array(delegate.sessions),
            JSONText.array(delegate.days), delegate.status.rawValue, stamp, search.familyText,
            search.givenText, search.otherText,
        ]
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        for (offset, value) in values.enumerated() {
            bind(value, at: Int32(offset + 1), handle)
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                sql: statement.sql)
        }
    }

    private func bind(_ value: String?, at index: Int32, _ handle: SQLiteStatement) {
        guard var value else {
            sqlite3_bind_null(handle, index)
            return
        }
        value.withUTF8 { bytes in
            // An empty buffer may have no address, which SQLite would read as NULL.
            _ =
                bytes.isEmpty
                ? sqlite3_bind_text(handle, index, "", 0, nil)
                : sqlite3_bind_text(handle, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
        }
    }

    /// SQLITE_TRANSIENT: SQLite copies the text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
