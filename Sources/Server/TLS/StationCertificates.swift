import Crypto
import Foundation
import Roster
import RosterStore
import SwiftASN1
import X509

/// The station's own certificate authority, kept in the data folder (`station-ca.pem`, its key readable by the
/// owner only), and a server certificate it signs for the station's names at each start. Install
/// `station-ca.pem` on the tablets and laptops that use the station, and their browsers trust it: HTTPS, Secure
/// cookies and the camera work on the venue network without a public certificate.
struct StationCertificates {
    let folder: DataFolder

    var authorityURL: URL { folder.url.appendingPathComponent("station-ca.pem") }
    private var authorityKeyURL: URL { folder.url.appendingPathComponent("station-ca.key") }

    /// A certificate chain (leaf, then authority) and the leaf's key, PEM, for `hosts` plus the machine's name,
    /// `localhost` and the loopback addresses; for a station listening on every address (`0.0.0.0`, `::`), every
    /// address of the machine's interfaces too, so that tablets reaching it as `https://192.168.1.20:8443` trust it.
    func identity(for hosts: [String]) throws -> (chain: [String], key: String) {
        let (authority, authorityKey) = try loadOrCreateAuthority()
        let key = P256.Signing.PrivateKey()
        let wildcards: Set = ["0.0.0.0", "::"]
        let everyAddress = hosts.contains(where: wildcards.contains) ? HostAddresses.all() : []
        let names = Set(hosts + everyAddress + [ProcessInfo.processInfo.hostName, "localhost"]).filter { !$0.isEmpty && !wildcards.contains($0) }
        let addresses = names.compactMap(Self.ipAddress) + [[127, 0, 0, 1], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]]
        let now = Date()
        let leaf = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-300), notValidAfter: now.addingTimeInterval(397 * 86_400),
            issuer: authority.subject, subject: try DistinguishedName { CommonName(ProcessInfo.processInfo.hostName) },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(
                    names.filter { Self.ipAddress($0) == nil }.sorted().map { GeneralName.dnsName($0) }
                        + addresses.map { GeneralName.ipAddress(ASN1OctetString(contentBytes: ArraySlice($0))) })
            },
            issuerPrivateKey: .init(authorityKey))
        return ([try leaf.serializeAsPEM().pemString, try authority.serializeAsPEM().pemString], key.pemRepresentation)
    }

    private func loadOrCreateAuthority() throws -> (Certificate, P256.Signing.PrivateKey) {
        if let pem = try? String(contentsOf: authorityURL, encoding: .utf8), let keyPEM = try? String(contentsOf: authorityKeyURL, encoding: .utf8) {
            return (try Certificate(pemEncoded: pem), try P256.Signing.PrivateKey(pemRepresentation: keyPEM))
        }
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            CommonName("Lanyard station authority (\(ProcessInfo.processInfo.hostName))")
            OrganizationName("Lanyard")
        }
        let now = Date()
        let authority = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey), notValidBefore: now.addingTimeInterval(-300),
            notValidAfter: now.addingTimeInterval(5 * 365 * 86_400), issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(digitalSignature: true, keyCertSign: true, cRLSign: true))
            },
            issuerPrivateKey: .init(key))
        guard
            FileManager.default.createFile(
                atPath: authorityKeyURL.path, contents: Data(key.pemRepresentation.utf8), attributes: [.posixPermissions: 0o600]),
            FileManager.default.createFile(
                atPath: authorityURL.path, contents: Data(try authority.serializeAsPEM().pemString.utf8), attributes: [.posixPermissions: 0o644])
        else {
            throw LanyardError(.storeFailure, "The station's certificate authority cannot be written in \(folder.url.path).")
        }
        return (authority, key)
    }

    /// The bytes of an IPv4 or IPv6 address, or nil for a name.
    private static func ipAddress(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: v6) { Array($0) } }
        return nil
    }
}
