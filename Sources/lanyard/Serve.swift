import ArgumentParser
import Foundation
import Hummingbird
import Logging
import PostgresHub
import Roster
import RosterStore
import Server
import ServiceLifecycle
import Station
import Sync

extension Lanyard {
    /// `lanyard serve`: the station server: the desk and kiosk pages, the JSON API, the printers.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the station: the desk and kiosk in a browser, the JSON API, the printers.",
            discussion: """
                Listens on 127.0.0.1:8080 unless told otherwise; binding another address is explicit (--listen \
                0.0.0.0:8443). Browsers on other machines need HTTPS for Secure cookies and the camera: give \
                --tls-cert and --tls-key, or --tls self-signed (a local authority in the data folder, station-ca.pem, \
                to install on the devices). SIGTERM lets in-flight check-ins and print submissions finish.

                Many stations, one event: one station is the hub (--hub); each other joins it with one command, \
                --join URL --token TOKEN (a token made on the hub with lanyard staff token NAME --role station), and \
                --hub-ca station-ca.pem when the hub serves HTTPS with --tls self-signed. \
                A joining station takes the event, roster and public key from the hub into its data folder, then \
                serves, pushing its entries and pulling the others' for as long as it runs, and works alone while \
                the hub cannot be reached.
                """)

        @OptionGroup var station: StationOptions
        @OptionGroup var printing: PrintOptions
        @Option(help: "HOST:PORT to listen on.") var listen = "127.0.0.1:8080"
        @OptionGroup var tls: TLSOptions
        @Flag(help: "Be the hub of the event: stations join this one and sync through it.") var hub = false
        @Option(help: "With --hub: the stations (comma-separated names) that may take the signing key when they join with --signs-badges.")
        var shareSigningKey: String?
        @Option(
            help:
                "With --hub: keep the event in this PostgreSQL database, shared with the event's other hubs (postgres://USER:PASSWORD@HOST:5432/DB).")
        var store: String?
        @Option(help: "Join the hub at this URL (with --token), then serve; several hubs on one database, comma-separated, to move between.")
        var join: String?
        @Option(help: "The station token the hub made (lanyard staff token NAME --role station).") var token: String?
        @Option(help: "With --join: a PEM certificate authority to trust for the hub's HTTPS (its station-ca.pem with --tls self-signed).")
        var hubCA: String?
        @Flag(help: "With --join: this desk prints badges, so it asks the hub for the signing key.") var signsBadges = false
        @Option(
            help:
                "With --join: other stations of the event (comma-separated URLs) to push this station's entries to directly, such as the one serving the other doors of a room, so that a badge passed back between them is caught while the hub is away."
        )
        var peer: String?
        @Option(help: "With --hub: pull the roster from the registration system's CSV or JSON export at this URL.") var upstream: String?
        @Option(help: "With --hub: pull the roster from a pretix event's REST API at this URL (…/api/v1/organizers/ORG/events/EVENT/).")
        var upstreamPretix: String?
        @Option(help: "With --upstream or --upstream-pretix: the API token (sent as Authorization: Token …).") var upstreamToken: String?
        @Option(help: "With --upstream: seconds between two pulls (an organiser can pull at once).") var upstreamEvery = 300

        func validate() throws {
            guard ServerConfiguration.address(listen) != nil else { throw ValidationError("--listen is HOST:PORT, as 127.0.0.1:8080.") }
            try tls.validate()
            guard (join == nil) == (token == nil) else { throw ValidationError("Give --join URL and --token TOKEN together.") }
            guard hubCA == nil || join != nil else { throw ValidationError("--hub-ca goes with --join.") }
            guard peer == nil || join != nil else { throw ValidationError("--peer goes with --join.") }
            guard !(hub && join != nil) else { throw ValidationError("A station is the hub or joins one, not both.") }
            for (option, station) in (join.map(Self.hubs) ?? []).map({ ("--join", $0) }) + (peer.map(Self.hubs) ?? []).map({ ("--peer", $0) }) {
                guard let url = URL(string: station), let scheme = url.scheme else {
                    throw ValidationError("\(option) is a station's URL, as https://hub.local:8443.")
                }
                // The station token and every entry cross the venue's network: plain HTTP only on this machine.
                guard scheme == "https" || (scheme == "http" && ["127.0.0.1", "::1", "localhost"].contains(url.host ?? "")) else {
                    throw ValidationError("\(option) needs an https:// URL (plain http only for a station on this machine).")
                }
            }
            guard store == nil || hub else { throw ValidationError("--store goes with --hub.") }
            guard shareSigningKey == nil || hub else { throw ValidationError("--share-signing-key goes with --hub.") }
            guard (upstream == nil && upstreamPretix == nil) || hub else { throw ValidationError("--upstream goes with --hub.") }
            guard upstream == nil || upstreamPretix == nil else { throw ValidationError("Give --upstream or --upstream-pretix, not both.") }
            if let upstreamPretix, URL(string: upstreamPretix)?.scheme == nil {
                throw ValidationError("--upstream-pretix is the event's API URL, as https://pretix.eu/api/v1/organizers/ORG/events/EVENT/.")
            }
            if let upstream, URL(string: upstream)?.scheme == nil {
                throw ValidationError("--upstream is the export's URL, as https://tickets.example/export.csv.")
            }
            guard upstreamEvery >= 10 else { throw ValidationError("--upstream-every is at least 10 seconds.") }
        }

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let source =
                    upstream.map { UpstreamSource(url: URL(string: $0)!, token: upstreamToken, interval: .seconds(upstreamEvery)) }
                    ?? upstreamPretix.map {
                        UpstreamSource(url: URL(string: $0)!, kind: .pretix, token: upstreamToken, interval: .seconds(upstreamEvery))
                    }
                let hubSettings =
                    hub
                    ? ServerConfiguration.Hub(
                        signingStations: Set(
                            (shareSigningKey ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }),
                        upstream: source) : nil
                if let join, let token {
                    func client(_ urls: [URL]) throws -> HubClient {
                        try hubCA.map { try HubClient(urls: urls, token: token, trusting: URL(fileURLWithPath: $0)) }
                            ?? HubClient(urls: urls, token: token)
                    }
                    let hub = try client(Self.hubs(join).map { URL(string: $0)! })
                    let peers = try (peer.map(Self.hubs) ?? []).map { try client([URL(string: $0)!]) }
                    do {
                        let configuration = try self.station.configuration(printers: printing.printers, stallTimeout: printing.stallTimeout)
                        let (station, note) = try await Self.join(hub, configuration: configuration, signsBadges: signsBadges)
                        let sync = SyncService(station: station, hub: hub, peers: peers, logger: Lanyard.logger())
                        try await Self.serve(
                            station, listen: listen, tls: try tls.mode(), json: self.station.json, notes: [note], services: [sync])
                    } catch {
                        for client in [hub] + peers { await client.close() }
                        throw error
                    }
                    for client in [hub] + peers { await client.close() }
                } else if let store, let hubSettings {
                    try await serveOnDatabase(store, settings: hubSettings)
                } else {
                    let station = try await printing.open(self.station)
                    try await Self.serve(
                        station, listen: listen, tls: try tls.mode(), hub: hubSettings, json: self.station.json,
                        notes: hub ? ["This station is the event's hub."] : [])
                }
            }
        }

        /// Serves as one of the event's hubs on the PostgreSQL database at `url`: the first hub puts its folder's event
        /// there; a hub started on an empty folder takes the event from there. Its own copy is kept in step with the
        /// database, and its station tokens are shared with the other hubs.
        private func serveOnDatabase(_ url: String, settings: ServerConfiguration.Hub) async throws {
            let logger = Lanyard.logger()
            let database = try PostgresHub(url: url, logger: logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.run() }
                do {
                    try await database.migrate()
                    let configuration = try self.station.configuration(printers: printing.printers, stallTimeout: printing.stallTimeout)
                    let station: Station
                    let note: String
                    if configuration.data.exists {
                        station = try await printing.open(self.station)
                        let start = try await database.seed(from: station)
                        note =
                            start == .seeded
                            ? "The event is now in \(database.address)."
                            : try await database.shareRosterImportedWhileStopped(by: station)
                                ? "Sharing the event in \(database.address), with the roster imported here."
                                : "Sharing the event in \(database.address)."
                    } else {
                        let package = try await database.eventPackage(for: configuration.name, signingKey: true)
                        station = try await Station.join(package, hub: URL(string: database.address)!, configuration: configuration, logger: logger)
                        // Its copy is the event's roster: what an import changes here from now on is kept, to share.
                        try await station.noteRosterInStep()
                        note = "Took the event from \(database.address)."
                    }
                    var settings = settings
                    settings.store = database
                    settings.upstreamLedger = database
                    station.answerForStations(from: database)
                    settings.sharedToken = { secret in
                        // A token this hub knows is decided here alone (revoked here: refused at once).
                        guard try !station.database.knowsCredential(secret) else { return nil }
                        do {
                            guard let credential = try await database.sharedToken(secret) else { return nil }
                            // A member of that name here with another role, or revoked here, is not who the token proves.
                            let here = try station.database.staff().first { $0.name.lowercased() == credential.staff.name.lowercased() }
                            if let here, here.role != credential.staff.role || here.revokedAt != nil { return nil }
                            return credential
                        } catch {
                            logger.warning("A token could not be checked with the other hubs", metadata: ["error": "\(error)"])
                            return nil
                        }
                    }
                    let services: [any Service] = [
                        SyncService(station: station, hub: database, keepsStationTokens: false, logger: logger),
                        StaffSharing(database: database, station: station),
                    ]
                    try await Self.serve(
                        station, listen: listen, tls: try tls.mode(), hub: settings, json: self.station.json,
                        notes: ["This station is one of the event's hubs.", note], services: services)
                } catch {
                    group.cancelAll()
                    throw error
                }
                group.cancelAll()
            }
        }

        /// `--join`'s hubs, or `--peer`'s stations, comma-separated.
        static func hubs(_ join: String) -> [String] {
            join.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        /// Joins the hub, or, when it cannot be reached and this folder joined it before, opens the station to work
        /// alone until the hub is back.
        static func join(_ client: HubClient, configuration: StationConfiguration, signsBadges: Bool) async throws -> (Station, String) {
            do {
                try await client.probe()
                let package = try await client.event(signing: signsBadges)
                let station = try await Station.join(package, hub: client.url, configuration: configuration, logger: Lanyard.logger())
                return (station, "Joined the hub at \(client.url.absoluteString).")
            } catch let error as LanyardError where error.code == .hubUnreachable && configuration.data.exists {
                let station = try await Station(configuration, logger: Lanyard.logger())
                guard try station.database.joinedIdentity() != nil else { throw error }
                return (station, "The hub at \(client.url.absoluteString) cannot be reached: working alone, syncing when it is back.")
            }
        }

        /// Serves `station` until SIGTERM or SIGINT, saying where (and `notes`) once it listens; `services` run beside
        /// it (a joined station's sync).
        static func serve(
            _ station: Station, listen: String, tls: ServerConfiguration.TLS, hub: ServerConfiguration.Hub? = nil, json: Bool, notes: [String],
            services: [any Service] = []
        ) async throws {
            let (host, port) = ServerConfiguration.address(listen)!
            let configuration = ServerConfiguration(host: host, port: port, tls: tls, hub: hub)
            let scheme = tls == .none ? "http" : "https"
            let lock = try ServerLock(folder: station.configuration.data, address: "\(scheme)://\(host):\(port)")
            let application = try await StationServer.buildApplication(
                station: station, configuration: configuration, logger: Lanyard.logger(), services: services
            ) { port in
                let shown = host == "0.0.0.0" || host == "::" ? ProcessInfo.processInfo.hostName : host
                let address = "\(scheme)://\(shown.contains(":") ? "[\(shown)]" : shown):\(port)"
                lock.record(address)
                struct Listening: Encodable {
                    let url: String
                    let station: String
                    let data: String
                }
                let text: String
                if json {
                    let listening = Listening(url: address, station: station.name, data: station.configuration.data.url.path)
                    text = (try? StationJSON.encoder().encode(listening)).map { String(decoding: $0, as: UTF8.self) } ?? ""
                } else {
                    text = (["Station \(station.name) is open at \(address)/"] + notes).joined(separator: "\n")
                }
                FileHandle.standardOutput.write(Data((text + "\n").utf8))
            }
            try await application.runService()
            withExtendedLifetime(lock) {}
        }
    }
}

/// `--tls self-signed`, or `--tls-cert` with `--tls-key`.
struct TLSOptions: ParsableArguments {
    enum Mode: String, ExpressibleByArgument {
        case selfSigned = "self-signed"
    }

    @Option(help: "self-signed: a certificate for this station from a local authority kept in the data folder.") var tls: Mode?
    @Option(help: "A PEM certificate chain for HTTPS.") var tlsCert: String?
    @Option(help: "The PEM private key of --tls-cert.") var tlsKey: String?

    func validate() throws {
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("Give --tls-cert and --tls-key together.") }
        guard tls == nil || tlsCert == nil else { throw ValidationError("Give --tls self-signed, or --tls-cert and --tls-key, not both.") }
    }

    func mode() throws -> ServerConfiguration.TLS {
        if let tlsCert, let tlsKey { return .files(certificate: URL(fileURLWithPath: tlsCert), key: URL(fileURLWithPath: tlsKey)) }
        return tls == .selfSigned ? .selfSigned : .none
    }
}
