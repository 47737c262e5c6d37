public import Foundation
import HummingbirdBcrypt
public import Roster
public import RosterStore

extension Station {
    /// How long a browser stays signed in.
    public static let sessionLifetime: TimeInterval = 12 * 3600

    /// Adds a member of staff (or a machine) with a one-time password, which they change at their first sign-in.
    /// - Parameter password: A password to give instead of a new one-time password, kept after the first sign-in
    ///   (the demo's accounts).
    /// - Returns: The member and the password to hand them.
    /// - Throws: ``LanyardError`` `alreadyExists` or `invalidInput` (an empty name).
    public func addStaff(_ name: String, role: StaffRole, password: String? = nil) async throws -> (StaffMember, password: String) {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 60 else { throw LanyardError(.invalidInput, "A member of staff needs a name of 1 to 60 characters.") }
        let given = password ?? Self.secret(bits: 72)
        let hash = try await DispatchQueue.blocking.perform { Bcrypt.hash(given, cost: 10) }
        let member = try await store { database in
            try database.addStaff(name, role: role, passwordHash: hash, mustChangePassword: password == nil)
        }
        return (member, given)
    }

    /// Makes `name` a member of staff with `role` unless they are one already (a machine given only tokens).
    /// - Throws: ``LanyardError`` `conflict` when they exist with another role.
    public func ensureStaff(_ name: String, role: StaffRole) async throws {
        if let existing = try await staff().first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) {
            guard existing.role == role else {
                throw LanyardError(
                    .conflict, "\(existing.name) is a member of staff with the role \(existing.role.rawValue), not \(role.rawValue).",
                    remedy: "Choose another name for the \(role.rawValue).")
            }
            return
        }
        _ = try await addStaff(name, role: role)
    }

    /// A bearer token for a machine acting as `name` (a kiosk, a turnstile, a script), valid until revoked.
    public func issueToken(for name: String) async throws -> String {
        let token = Self.secret(bits: 256)
        try await store { database in
            guard try database.staff().contains(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame && $0.revokedAt == nil }) else {
                throw LanyardError(.notFound, "There is no member of staff called \(name).")
            }
            try database.addCredential(for: name, kind: .token, secret: token, csrf: nil, expiresAt: nil)
        }
        return token
    }

    /// Every member of staff.
    public func staff() async throws -> [StaffMember] {
        try await store { try $0.staff() }
    }

    /// Revokes a member of staff: their sessions and tokens stop working at once.
    public func revokeStaff(_ name: String) async throws {
        try await store { try $0.revokeStaff(name) }
    }

    /// Signs a member of staff in from `address`: a session for their browser. A one-time password must be
    /// replaced, with `newPassword`, before a session is given.
    /// - Throws: ``LanyardError`` `notSignedIn` for a wrong name or password, `tooManyAttempts` after repeated
    ///   failures for the account or from the address, `attentionRequired` when the password must be changed first.
    public func signIn(_ name: String, password: String, newPassword: String? = nil, from address: String?) async throws -> StaffSession {
        if let until = signInLimiter.blockedUntil(account: name, address: address) {
            throw LanyardError(
                .tooManyAttempts, "Too many failed sign-ins.", remedy: "Try again after \(event.clockTime(until)).")
        }
        // A station known by the tokens its hub handed over has no password at all.
        let found = try await store { try $0.staffForSignIn(name) }.flatMap { $0.passwordHash.isEmpty ? nil : $0 }
        // An unknown name costs the same bcrypt as a known one (its stand-in hash is made there too, once).
        let known = found?.passwordHash
        let matches = try await DispatchQueue.blocking.perform { Bcrypt.verify(password, hash: known ?? Self.unknownUserHash) }
        guard let (member, _) = found, matches else {
            signInLimiter.fail(account: name, address: address)
            throw LanyardError(.notSignedIn, "That name and password do not match.", remedy: "Check them, or ask an organiser.")
        }
        signInLimiter.succeed(account: name)
        if member.mustChangePassword {
            guard let newPassword, newPassword.count >= 10, newPassword != password else {
                throw LanyardError(
                    .attentionRequired, "This password was for the first sign-in only.",
                    remedy: "Choose a new password of at least 10 characters.")
            }
            let newHash = try await DispatchQueue.blocking.perform { Bcrypt.hash(newPassword, cost: 10) }
            try await store { try $0.setPasswordHash(of: member.name, to: newHash) }
        }
        let (secret, csrf) = (Self.secret(bits: 256), Self.secret(bits: 128))
        let expiresAt = Date().addingTimeInterval(Self.sessionLifetime)
        try await store { try $0.addCredential(for: member.name, kind: .session, secret: secret, csrf: csrf, expiresAt: expiresAt) }
        let signedIn = StaffMember(
            name: member.name, role: member.role, mustChangePassword: false, createdAt: member.createdAt, revokedAt: nil)
        return StaffSession(secret: secret, csrf: csrf, staff: signedIn, expiresAt: expiresAt)
    }

    /// Who `secret` (a session's cookie or a bearer token) proves, or nil.
    public func authenticate(_ secret: String) async throws -> StaffCredential? {
        guard !secret.isEmpty, secret.count <= 200 else { return nil }
        return try await store { try $0.credential(secret) }
    }

    /// Ends a browser's session.
    public func signOut(_ secret: String) async throws {
        try await store { try $0.revokeCredential(secret) }
    }

    /// A random secret of letters and digits carrying at least `bits` bits, so that a shell, a URL or an option
    /// parser takes it whole (a secret starting with "-" would read as an option).
    static func secret(bits: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let length = Int((Double(bits) / log2(Double(secretAlphabet.count))).rounded(.up))
        return String((0..<length).map { _ in secretAlphabet.randomElement(using: &generator)! })
    }

    private static let secretAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// A hash checked against when the name is unknown, so that a wrong name takes as long as a wrong password.
    private static let unknownUserHash = Bcrypt.hash(secret(bits: 96), cost: 10)
}
