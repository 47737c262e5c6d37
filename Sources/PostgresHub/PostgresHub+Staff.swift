import Foundation
import PostgresNIO
import Roster
public import RosterStore
public import Station

/// The event's staff, shared by its hubs: accounts (password hashes only) and tokens made at any hub are known at
/// every hub within seconds, the latest change of an account winning, and a revocation at one hub reaches the others.
extension PostgresHub {
    /// Copies `station`'s staff accounts and tokens into the database, then takes into `station` those made or
    /// changed at the other hubs.
    public func shareStaff(of station: Station) async throws {
        let (accounts, tokens) = try await station.database.perform { (try $0.staffAccounts(), try $0.tokens()) }
        let (shared, sharedTokens) = try await failing("share the staff") { [self] in
            try await client.withTransaction(logger: logger) { connection in
                // In the order of their keys, and rows rewritten only when they change: hubs sharing at once never
                // wait on each other in a circle. A station known only by its tokens is no account to share.
                for account in accounts where !account.passwordHash.isEmpty {
                    // The same account (same role, made at the same moment to the millisecond): its later change,
                    // and a revocation whenever it comes, which nothing undoes. An account of that name made apart at
                    // another hub is not this one.
                    try await connection.query(
                        """
                        INSERT INTO hub_staff (name, role, password_hash, must_change_password, created_at, revoked_at, changed_at)
                        VALUES (\(account.name), \(account.role.rawValue), \(account.passwordHash), \(account.mustChangePassword),
                            \(account.createdAt), \(account.revokedAt), \(account.changedAt))
                        ON CONFLICT (name) DO UPDATE SET
                            password_hash = CASE WHEN hub_staff.changed_at < EXCLUDED.changed_at
                                THEN EXCLUDED.password_hash ELSE hub_staff.password_hash END,
                            must_change_password = CASE WHEN hub_staff.changed_at < EXCLUDED.changed_at
                                THEN EXCLUDED.must_change_password ELSE hub_staff.must_change_password END,
                            revoked_at = COALESCE(hub_staff.revoked_at, EXCLUDED.revoked_at),
                            changed_at = GREATEST(hub_staff.changed_at, EXCLUDED.changed_at)
                        WHERE hub_staff.role = EXCLUDED.role
                            AND abs(extract(epoch FROM hub_staff.created_at - EXCLUDED.created_at)) < \(StaffAccount.sameMomentTolerance)
                            AND (hub_staff.changed_at < EXCLUDED.changed_at
                                OR (hub_staff.revoked_at IS NULL AND EXCLUDED.revoked_at IS NOT NULL))
                        """, logger: logger)
                }
                for token in tokens {
                    try await connection.query(
                        """
                        INSERT INTO hub_token (secret_hash, station, role, revoked)
                        VALUES (\(token.secretHash), \(token.staff), \(token.role.rawValue), \(token.isRevoked))
                        ON CONFLICT (secret_hash) DO UPDATE SET revoked = true WHERE EXCLUDED.revoked AND NOT hub_token.revoked
                        """, logger: logger)
                }
                var shared: [StaffAccount] = []
                let rows = try await connection.query(
                    "SELECT name, role, password_hash, must_change_password, created_at, revoked_at, changed_at FROM hub_staff", logger: logger)
                for try await (name, role, hash, mustChange, created, revoked, changed) in rows.decode(
                    (String, String, String, Bool, Date, Date?, Date).self)
                {
                    guard let role = StaffRole(rawValue: role) else { continue }
                    shared.append(
                        StaffAccount(
                            name: name, role: role, passwordHash: hash, mustChangePassword: mustChange, createdAt: created, revokedAt: revoked,
                            changedAt: changed))
                }
                var sharedTokens: [(secretHash: String, staff: String, role: StaffRole, isRevoked: Bool)] = []
                for try await (hash, name, role, revoked) in try await connection.query(
                    "SELECT secret_hash, station, role, revoked FROM hub_token", logger: logger
                ).decode((String, String, String, Bool).self) {
                    if let role = StaffRole(rawValue: role) { sharedTokens.append((hash, name, role, revoked)) }
                }
                return (shared, sharedTokens)
            }
        }
        try await station.database.perform { database in
            try database.adoptStaffAccounts(shared)
            try database.adoptTokens(sharedTokens)
        }
    }

    /// The member of staff a token made at another hub of the event proves, unless revoked: what a hub asks before
    /// the token reaches its own store.
    public func sharedToken(_ secret: String) async throws -> StaffCredential? {
        let hash = RosterDatabase.secretHash(secret)
        return try await failing("check a token") { [self] in
            // Only while the account it belongs to, as the hubs share it, has that role and stands.
            let rows = try await client.query(
                """
                SELECT hub_token.station, hub_token.role FROM hub_token LEFT JOIN hub_staff ON hub_staff.name = hub_token.station
                WHERE secret_hash = \(hash) AND NOT revoked
                    AND (hub_staff.name IS NULL OR (hub_staff.role = hub_token.role AND hub_staff.revoked_at IS NULL))
                """, logger: logger)
            for try await (name, role) in rows.decode((String, String).self) {
                guard let role = StaffRole(rawValue: role) else { return nil }
                return StaffCredential(
                    staff: StaffMember(name: name, role: role, mustChangePassword: false, createdAt: Date(), revokedAt: nil), kind: .token,
                    csrf: nil, expiresAt: nil)
            }
            return nil
        }
    }

    /// Every hub's station tokens, as hashes, revoked ones marked: what the event's stations learn to tell each other
    /// by.
    public func stationTokens() async throws -> [SharedStationToken] {
        try await failing("read the station tokens") { [self] in
            var tokens: [SharedStationToken] = []
            let rows = try await client.query(
                "SELECT secret_hash, station, revoked FROM hub_token WHERE role = 'station' ORDER BY station", logger: logger)
            for try await (hash, station, revoked) in rows.decode((String, String, Bool).self) {
                tokens.append(SharedStationToken(secretHash: hash, station: station, revoked: revoked))
            }
            return tokens
        }
    }
}
