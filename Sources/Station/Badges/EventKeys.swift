public import Crypto
public import Foundation
import Roster
public import RosterStore

/// The event's signing key in a data folder: the private key readable by its owner only (desks sign badges with
/// it), the public key beside it (all a door needs).
public struct EventKeys: Sendable {
    public let folder: DataFolder

    public init(folder: DataFolder) {
        self.folder = folder
    }

    /// Where the public key is kept, as base64 text.
    public var publicKeyURL: URL { folder.publicKeyURL }

    /// Creates the key pair unless the folder has one.
    public func createIfMissing() throws {
        guard !FileManager.default.fileExists(atPath: folder.signingKeyURL.path) else { return }
        let key = Curve25519.Signing.PrivateKey()
        try write(key.rawRepresentation.base64EncodedString(), to: folder.signingKeyURL, permissions: 0o600)
        try write(key.publicKey.rawRepresentation.base64EncodedString(), to: publicKeyURL, permissions: 0o644)
    }

    /// The private key, for signing badges.
    public func signingKey() throws -> Curve25519.Signing.PrivateKey {
        try Curve25519.Signing.PrivateKey(rawRepresentation: read(folder.signingKeyURL, what: "signing key"))
    }

    /// The public key, for verifying badges.
    public func publicKey() throws -> Curve25519.Signing.PublicKey {
        try Curve25519.Signing.PublicKey(rawRepresentation: read(publicKeyURL, what: "public key"))
    }

    /// The public key as base64 text, as `lanyard keys export-public` prints it.
    public func publicKeyText() throws -> String {
        try publicKey().rawRepresentation.base64EncodedString()
    }

    /// The private key as base64 text, for a hub handing it to a desk that prints badges.
    public func signingKeyText() throws -> String {
        try signingKey().rawRepresentation.base64EncodedString()
    }

    /// Installs the private key a hub handed over (with its public key beside it).
    /// - Throws: ``LanyardError`` `keyFailure` when it is not a signing key.
    public func importSigningKey(_ base64: String) throws {
        guard let raw = Data(base64Encoded: base64), let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
            throw LanyardError(.keyFailure, "That is not an event signing key.", remedy: "Join the hub again.")
        }
        try write(raw.base64EncodedString(), to: folder.signingKeyURL, permissions: 0o600)
        try write(key.publicKey.rawRepresentation.base64EncodedString(), to: publicKeyURL, permissions: 0o644)
    }

    /// Installs a public key exported by the desk (`lanyard keys export-public`) on a door station.
    public func importPublicKey(_ base64: String) throws {
        guard let raw = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)),
            (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil
        else {
            throw LanyardError(.keyFailure, "That is not an event public key.", remedy: "Copy it again from the desk that created the event.")
        }
        try write(raw.base64EncodedString(), to: publicKeyURL, permissions: 0o644)
    }

    private func write(_ text: String, to url: URL, permissions: Int) throws {
        try folder.create()
        guard FileManager.default.createFile(atPath: url.path, contents: Data((text + "\n").utf8), attributes: [.posixPermissions: permissions])
        else {
            throw LanyardError(.keyFailure, "The key file \(url.path) cannot be written.", remedy: "Check the data folder's permissions.")
        }
    }

    private func read(_ url: URL, what: String) throws -> Data {
        guard let text = try? String(contentsOf: url, encoding: .utf8),
            let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            throw LanyardError(
                .keyFailure, "The event's \(what) is missing or damaged in \(folder.url.path).",
                remedy: what == "public key"
                    ? "Install the public key exported by the desk that created the event."
                    : "Badges can only be issued on the station that created the event.")
        }
        return raw
    }
}
