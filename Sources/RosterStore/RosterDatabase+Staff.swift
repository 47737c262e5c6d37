import Crypto
public import Foundation
import GRDB
public import Roster

extension RosterDatabase {
    /// Adds a member of staff with a password hash (hashed by the caller: bcrypt is slow on purpose).
    /// - Throws: ``LanyardError`` `alreadyExists` for a name in use.
    public func addStaff(
        _ name: String, role: StaffRole, passwordHash: String, mustChangePassword: Bool, at now: Date = Date()
    ) throws
        -> StaffMember
    {
        try storeAccess {
            try writer.write { db in
                if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staff WHERE name = ?", arguments: [name]) ?? 0 > 0 {
                    throw LanyardError(.alreadyExists, "There is already a member of staff called \(name).", remedy: "Choose another name.")
                }
                try db.execute(
                    sql: "INSERT INTO staff (name, role, passwordHash, mustChangePassword, createdAt, changedAt) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [name, role.rawValue, passwordHash, mustChangePassword, now, now])
                return StaffMember(name: name, role: role, mustChangePassword: mustChangePassword, createdAt: now, revokedAt: nil)
            }
        }
    }

    /// Every member of staff, by name.
    public func staff() throws -> [StaffMember] {
        try storeAccess { try writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM staff ORDER BY name").map(Self.member) } }
    }

    /// The member of staff called `name`, with their password hash, when they exist and are not revoked.
    public func staffForSignIn(_ name: String) throws -> (StaffMember, passwordHash: String)? {
        try storeAccess {
            try writer.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE name = ? AND revokedAt IS NULL", arguments: [name]).map {
                    (Self.member($0), $0["passwordHash"])
                }
            }
        }
    }

    /// Sets a new password hash, and with it no longer asks for a change.
    public func setPasswordHash(of name: String, to hash: String, at now: Date = Date()) throws {
        try storeAccess {
            try writer.write { db in
                try db.execute(
                    sql: "UPDATE staff SET passwordHash = ?, mustChangePassword = 0, changedAt = ? WHERE name = ?", arguments: [hash, now, name])
            }
        }
    }

    /// Stores a credential for `name`, keeping only the hash of `secret`.
    public func addCredential(
        for name: String, kind: StaffCredential.Kind, secret: String, csrf: String?, expiresAt: Date?, at now: Date = Date()
    ) throws {
        try storeAccess {
            try writer.write { db in
                try db.execute(
                    sql: "INSERT INTO staffCredential (secretHash, staff, kind, csrf, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [Self.secretHash(secret), name, kind.rawValue, csrf, now, expiresAt])
            }
        }
    }

    /// Who `secret` proves, when it is a credential still valid at `now` of a member of staff not revoked.
    public func credential(_ secret: String, at now: Date = Date()) throws -> StaffCredential? {
        try storeAccess {
            try writer.read { db in
                guard
                    let row = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT staff.*, staffCredential.kind AS credentialKind, staffCredential.csrf AS credentialCSRF,
                                staffCredential.expiresAt AS credentialExpiresAt
                            FROM staffCredential JOIN staff ON staff.name = staffCredential.staff
                            WHERE secretHash = ? AND staffCredential.revokedAt IS NULL AND staff.revokedAt IS NULL
                                AND (staffCredential.expiresAt IS NULL OR staffCredential.expiresAt > ?)
                            """, arguments: [Self.secretHash(secret), now]),
                    let kind = StaffCredential.Kind(rawValue: row["credentialKind"])
                else { return nil }
                return StaffCredential(staff: Self.member(row), kind: kind, csrf: row["credentialCSRF"], expiresAt: row["credentialExpiresAt"])
            }
        }
    }

    /// Revokes one credential (a sign-out).
    public func revokeCredential(_ secret: String, at now: Date = Date()) throws {
        try storeAccess {
            try writer.write { db in
                try db.execute(sql: "UPDATE staffCredential SET revokedAt = ? WHERE secretHash = ?", arguments: [now, Self.secretHash(secret)])
            }
        }
    }

    /// Revokes a member of staff: their account, sessions and tokens stop working at once.
    /// - Throws: ``LanyardError`` `notFound`.
    public func revokeStaff(_ name: String, at now: Date = Date()) throws {
        try storeAccess {
            try writer.write { db in
                try db.execute(
                    sql: "UPDATE staff SET revokedAt = ?, changedAt = ? WHERE name = ? AND revokedAt IS NULL", arguments: [now, now, name])
                guard db.changesCount > 0 else {
                    throw LanyardError(.notFound, "There is no member of staff called \(name) (or they were revoked already).")
                }
                try db.execute(
                    sql: "UPDATE staffCredential SET revokedAt = ? WHERE staff = ? AND revokedAt IS NULL", arguments: [now, name])
            }
        }
    }

    private static func member(_ row: Row) -> StaffMember {
        StaffMember(
            name: row["name"], role: StaffRole(rawValue: row["role"]) ?? .kiosk, mustChangePassword: row["mustChangePassword"],
            createdAt: row["createdAt"], revokedAt: row["revokedAt"])
    }

    /// Whether this store has ever held `secret` as a credential, revoked or not.
    public func knowsCredential(_ secret: String) throws -> Bool {
        try storeAccess {
            try writer.read { db in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM staffCredential WHERE secretHash = ?)", arguments: [Self.secretHash(secret)])
                    ?? false
            }
        }
    }

    /// SHA-256 of a secret, hex: secrets are long and random, so a fast hash suffices to keep them out of the store.
    public static func secretHash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
