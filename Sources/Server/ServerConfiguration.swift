public import Foundation
public import RosterStore
public import Station
public import Sync

/// How the station server listens: its address, and TLS.
public struct ServerConfiguration: Sendable {
    /// How the server proves its identity to browsers.
    public enum TLS: Sendable, Equatable {
        /// Plain HTTP: fine on loopback; browsers on other machines refuse Secure cookies and cameras without TLS.
        case none
        /// A certificate chain and its private key, PEM files.
        case files(certificate: URL, key: URL)
        /// A certificate for the station's names, signed by a local certificate authority kept in the data folder
        /// (install its `station-ca.pem` on the devices that use the station).
        case selfSigned
    }

    /// What a hub allows the stations joined to it.
    public struct Hub: Sendable {
        /// The stations (by name, lower-cased) that may take the event's signing key when they join: desks that
        /// print badges, as the organiser allows.
        public var signingStations: Set<String>
        /// Where the hub pulls its roster from, when it does.
        public var upstream: UpstreamSource?
        /// Where the stations' entries go and are pulled from: a database several hubs share, or (nil) the station's
        /// own store.
        public var store: (any HubStore)?
        /// Where the pulls from the registration system are kept, and who else may pull: the database several hubs
        /// share, or (nil) the station's own store.
        public var upstreamLedger: (any UpstreamLedger)?
        /// The member of staff a token made at another hub sharing the store proves, when this station does not
        /// know it.
        public var sharedToken: (@Sendable (String) async throws -> StaffCredential?)?

        public init(
            signingStations: Set<String> = [], upstream: UpstreamSource? = nil, store: (any HubStore)? = nil,
            upstreamLedger: (any UpstreamLedger)? = nil, sharedToken: (@Sendable (String) async throws -> StaffCredential?)? = nil
        ) {
            self.signingStations = signingStations
            self.upstream = upstream
            self.store = store
            self.upstreamLedger = upstreamLedger
            self.sharedToken = sharedToken
        }
    }

    public var host: String
    /// The port; 0 lets the system choose.
    public var port: Int
    public var tls: TLS
    /// The largest request body accepted, in bytes.
    public var maximumBodySize: Int
    /// Set when the station is the hub of its event: stations join it and sync through it.
    public var hub: Hub?

    public init(host: String = "127.0.0.1", port: Int = 8080, tls: TLS = .none, maximumBodySize: Int = 64 * 1024, hub: Hub? = nil) {
        self.host = host
        self.port = port
        self.tls = tls
        self.maximumBodySize = maximumBodySize
        self.hub = hub
    }

    /// Reads `--listen HOST:PORT`.
    /// - Returns: nil when the text is not a host and a port.
    public static func address(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port)
        else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }
}
