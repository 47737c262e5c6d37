public import Foundation
import GRDB
import Roster

extension RosterDatabase {
    /// The result recorded for `nonce`, when a request with it was made before: a retried request answers the
    /// first one's result instead of acting twice.
    public func result<Result: Decodable>(ofNonce nonce: String, as type: Result.Type) throws -> Result? {
        try storeAccess { try writer.read { db in try Self.remembered(nonce, as: type, db) } }
    }

    /// Records `result` as the answer to `nonce`; the first result recorded wins.
    /// - Returns: The result the nonce answers now.
    public func record<Result: Codable>(_ result: Result, forNonce nonce: String, kind: String, at now: Date = Date()) throws -> Result {
        try storeAccess { try writer.write { db in try Self.remember(result, forNonce: nonce, kind: kind, at: now, db) } }
    }

    /// Whether a request with `nonce` was answered before.
    public func hasResult(ofNonce nonce: String) throws -> Bool {
        try storeAccess {
            try writer.read { db in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM requestNonce WHERE nonce = ?)", arguments: [nonce]) ?? false
            }
        }
    }

    /// The result remembered for `nonce`, inside a transaction that may act on it.
    static func remembered<Result: Decodable>(_ nonce: String, as type: Result.Type, _ db: Database) throws -> Result? {
        guard let text = try String.fetchOne(db, sql: "SELECT result FROM requestNonce WHERE nonce = ?", arguments: [nonce]) else {
            return nil
        }
        return try JSONDecoder().decode(Result.self, from: Data(text.utf8))
    }

    /// Remembers `result` for `nonce` unless a result is remembered already, inside the transaction that acted.
    /// - Returns: The result the nonce answers now.
    static func remember<Result: Codable>(_ result: Result, forNonce nonce: String, kind: String, at now: Date, _ db: Database) throws -> Result {
        let text = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        try db.execute(
            sql: "INSERT INTO requestNonce (nonce, kind, result, createdAt) VALUES (?, ?, ?, ?) ON CONFLICT (nonce) DO NOTHING",
            arguments: [nonce, kind, text, now])
        return try remembered(nonce, as: Result.self, db) ?? result
    }
}
