public import Foundation
import GRDB
public import Roster

/// Staff accounts and tokens handed between stores: between the hubs sharing one database, and from a hub to the
/// stations joined to it (station tokens only).
extension RosterDatabase {
    /// Every staff account, with its password hash.
    public func staffAccounts() throws -> [StaffAccount] {
        try storeAccess {
            try writer.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM staff ORDER BY name").map { row in
                    StaffAccount(
                        name: row["name"], role: StaffRole(rawValue: row["role"]) ?? .kiosk, passwordHash: row["passwordHash"],
                        mustChangePassword: row["mustChangePassword"], createdAt: row["createdAt"], revokedAt: row["revokedAt"],
                        changedAt: row["changedAt"] ?? row["createdAt"])
                }
            }
        }
    }

    /// Takes accounts from elsewhere. One unknown here is added. One known here is the same account when it has the
    /// same role and was made at the same moment (copied from the hub that made it): its later password change is
    /// taken, and its revocation, which nothing undoes. An account of that name made here apart stays as it is,
    /// except a station known here only by its tokens (no password), which the real account replaces. An account
    /// revoked has its sessions and tokens revoked here.
    public func adoptStaffAccounts(_ accounts: [StaffAccount]) throws {
        try storeAccess {
            try writer.write { db in
                for account in accounts where !account.passwordHash.isEmpty {
                    if let here = try Row.fetchOne(
                        db, sql: "SELECT role, passwordHash, createdAt, COALESCE(changedAt, createdAt) AS changed FROM staff WHERE name = ?",
                        arguments: [account.name])
                    {
                        let role: String = here["role"], hash: String = here["passwordHash"]
                        let created: Date = here["createdAt"], changed: Date = here["changed"]
                        guard role == account.role.rawValue else { continue }
                        let isPlaceholder = hash.isEmpty
                        guard isPlaceholder || StaffAccount.sameMoment(created, account.createdAt) else { continue }
                        if isPlaceholder || changed < account.changedAt {
                            try db.execute(
                                sql: """
                                    UPDATE staff SET passwordHash = ?, mustChangePassword = ?, createdAt = ?, changedAt = ? WHERE name = ?
                                    """,
                                arguments: [account.passwordHash, account.mustChangePassword, account.createdAt, account.changedAt, account.name])
                        }
                        // A revocation is taken whenever it comes, however late its account's other changes.
                        try db.execute(
                            sql: "UPDATE staff SET revokedAt = ? WHERE name = ? AND revokedAt IS NULL AND ? IS NOT NULL",
                            arguments: [account.revokedAt, account.name, account.revokedAt])
                    } else {
                        try db.execute(
                            sql: """
                                INSERT INTO staff (name, role, passwordHash, mustChangePassword, createdAt, revokedAt, changedAt)
                                VALUES (?, ?, ?, ?, ?, ?, ?)
                                """,
                            arguments: [
                                account.name, account.role.rawValue, account.passwordHash, account.mustChangePassword, account.createdAt,
                                account.revokedAt, account.changedAt,
                            ])
                    }
                    if account.revokedAt != nil {
                        try db.execute(
                            sql: "UPDATE staffCredential SET revokedAt = ? WHERE staff = ? AND revokedAt IS NULL",
                            arguments: [account.revokedAt, account.name])
                    }
                }
            }
        }
    }

    /// Every token (a machine's credential: stations, kiosks, turnstiles) as its hash, with its member's role,
    /// revoked ones marked.
    public func tokens() throws -> [(secretHash: String, staff: String, role: StaffRole, isRevoked: Bool)] {
        try storeAccess {
            try writer.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT secretHash, staff, role, staffCredential.revokedAt IS NOT NULL OR staff.revokedAt IS NOT NULL AS isRevoked
                        FROM staffCredential JOIN staff ON staff.name = staffCredential.staff
                        WHERE staffCredential.kind = ? ORDER BY secretHash
                        """, arguments: [StaffCredential.Kind.token.rawValue]
                ).map { ($0["secretHash"], $0["staff"], StaffRole(rawValue: $0["role"]) ?? .kiosk, $0["isRevoked"]) }
            }
        }
    }

    /// The station tokens (of members with the station role) as their hashes, revoked ones marked: what a hub hands
    /// the stations joined to it.
    public func stationTokens() throws -> [(secretHash: String, station: String, isRevoked: Bool)] {
        try tokens().filter { $0.role == .station }.map { ($0.secretHash, $0.staff, $0.isRevoked) }
    }

    /// Takes tokens made elsewhere, as hashes, each for a member with the role given: a station token for a station
    /// unknown here makes it a member with the station role and no password; a token for a name held here with
    /// another role is not taken (it would give that member's rights). A token revoked there is revoked here.
    public func adoptTokens(_ tokens: [(secretHash: String, staff: String, role: StaffRole, isRevoked: Bool)], at now: Date = Date()) throws {
        try storeAccess {
            try writer.write { db in
                for token in tokens {
                    let role = try String.fetchOne(db, sql: "SELECT role FROM staff WHERE name = ?", arguments: [token.staff])
                    if role == nil, token.role == .station {
                        // No password hash can match the empty one: the member signs in with the token only.
                        try db.execute(
                            sql: """
                                INSERT INTO staff (name, role, passwordHash, mustChangePassword, createdAt, changedAt)
                                VALUES (?, ?, '', 0, ?, ?)
                                """,
                            arguments: [token.staff, StaffRole.station.rawValue, now, now])
                    } else if role != token.role.rawValue {
                        continue
                    }
                    try db.execute(
                        sql: """
                            INSERT INTO staffCredential (secretHash, staff, kind, createdAt, revokedAt) VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (secretHash) DO UPDATE SET revokedAt = excluded.revokedAt
                            WHERE staffCredential.revokedAt IS NULL AND excluded.revokedAt IS NOT NULL
                            """,
                        arguments: [token.secretHash, token.staff, StaffCredential.Kind.token.rawValue, now, token.isRevoked ? now : nil])
                }
            }
        }
    }
}
