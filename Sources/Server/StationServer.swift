import Foundation
public import Hummingbird
import HummingbirdCore
import HummingbirdTLS
public import Logging
import Mustache
import NIOSSL
import Roster
import RosterStore
public import ServiceLifecycle
public import Station
public import Sync

/// Assembles the station server: its router (pages, assets, the JSON API under `/api/v1`), and the station's own
/// services (the print worker, the scanner reader) to run beside it in one service group, so that SIGTERM lets
/// in-flight check-ins and print submissions finish before the station stops. `lanyard serve` and the tests build
/// the same application.
public enum StationServer {
    /// The application `lanyard serve` runs.
    /// - Parameters:
    ///   - services: More services to run beside the station's own (a joined station's sync).
    ///   - onServerRunning: Called once the server listens, with the port it listens on.
    public static func buildApplication(
        station: Station, configuration: ServerConfiguration, logger: Logger, services extra: [any Service] = [],
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws -> some ApplicationProtocol {
        let feed = DashboardFeed(station: station, logger: logger)
        let upstream = configuration.hub.flatMap { hub in
            hub.upstream.map { UpstreamPuller(station: station, source: $0, ledger: hub.upstreamLedger, logger: logger) }
        }
        let router = try await buildRouter(station: station, configuration: configuration, logger: logger, feed: feed, upstream: upstream)
        var services: [any Service] = [station.printWorker, station.searchPreparation, station.badgePreparation, feed] + extra
        if let upstream { services.append(upstream) }
        if let scanner = try await station.scannerService() { services.append(scanner) }
        return Application(
            router: router, server: try server(for: configuration, station: station),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Lanyard"),
            services: services, onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    /// The router: middleware, pages and API, for `buildApplication` and for tests of the router alone.
    /// - Parameters:
    ///   - feed: The live dashboard, which runs as one of the application's services.
    ///   - upstream: A hub's pull from the registration system, which runs as another.
    public static func buildRouter(
        station: Station, configuration: ServerConfiguration, logger: Logger, feed: DashboardFeed? = nil, upstream: UpstreamPuller? = nil
    ) async throws -> Router<StationRequestContext> {
        let resources = Bundle.module.resourceURL!
        let library = try await MustacheLibrary(directory: resources.appendingPathComponent("Templates").path)
        let router = Router(context: StationRequestContext.self)
        router.addMiddleware {
            APIErrorMiddleware<StationRequestContext>()
            FileMiddleware(
                resources.appendingPathComponent("Public").path, urlBasePath: "/assets",
                cacheControl: .init([(.textCss, [.noCache]), (.textJavascript, [.noCache])]), logger: logger)
            BodyLimitMiddleware(bytes: configuration.maximumBodySize)
            StaffAuthenticator(station: station, sharedToken: configuration.hub?.sharedToken)
            CrossSiteGuard()
        }
        PageController(station: station, library: library).addRoutes(to: router)
        router.get("api/v1/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml"],
                body: .init(byteBuffer: ByteBuffer(bytes: try Data(contentsOf: resources.appendingPathComponent("openapi.yaml")))))
        }
        let api = router.group("api/v1").add(middleware: NoStoreMiddleware())
        SessionController(station: station, isSecure: configuration.tls != .none).addRoutes(to: api)
        let desk = api.group().add(middleware: RoleGuard(.desk, .organiser))
        let organiser = api.group().add(middleware: RoleGuard(.organiser))
        let kiosk = api.group().add(middleware: RoleGuard(.kiosk, .organiser))
        let door = api.group().add(middleware: RoleGuard(.door, .organiser))
        DelegateController(station: station).addRoutes(to: desk, organiser: organiser)
        CheckInController(station: station).addRoutes(to: desk)
        PrintController(station: station).addRoutes(to: desk)
        StreamController(station: station).addRoutes(to: desk)
        KioskController(station: station).addRoutes(to: kiosk)
        ScanController(station: station).addRoutes(to: door)
        DashboardController(station: station, feed: feed ?? DashboardFeed(station: station, logger: logger)).addRoutes(to: organiser)
        ReportController(station: station).addRoutes(to: organiser)
        if let hub = configuration.hub {
            let stations = api.group().add(middleware: RoleGuard(.station))
            SyncController(station: station, settings: hub).addRoutes(to: stations, organiser: organiser)
            if let source = hub.upstream {
                let puller = upstream ?? UpstreamPuller(station: station, source: source, ledger: hub.upstreamLedger, logger: logger)
                UpstreamController(puller: puller).addRoutes(to: organiser)
            }
        } else if try await station.database.perform({ try $0.joinedIdentity() }) != nil {
            let stations = api.group().add(middleware: RoleGuard(.station))
            SyncController(station: station, settings: .init()).addPeerRoutes(to: stations, organiser: organiser)
        }
        return router
    }

    private static func server(for configuration: ServerConfiguration, station: Station) throws -> HTTPServerBuilder {
        switch configuration.tls {
        case .none:
            return .http1()
        case .files(let certificate, let key):
            let chain = try NIOSSLCertificate.fromPEMFile(certificate.path).map { NIOSSLCertificateSource.certificate($0) }
            return try .tls(
                tlsConfiguration: TLSConfiguration.makeServerConfiguration(
                    certificateChain: chain, privateKey: .privateKey(try NIOSSLPrivateKey(file: key.path, format: .pem))))
        case .selfSigned:
            let identity = try StationCertificates(folder: station.configuration.data).identity(for: [configuration.host])
            return try .tls(
                tlsConfiguration: TLSConfiguration.makeServerConfiguration(
                    certificateChain: try identity.chain.map {
                        NIOSSLCertificateSource.certificate(try NIOSSLCertificate(bytes: Array($0.utf8), format: .pem))
                    },
                    privateKey: NIOSSLPrivateKeySource.privateKey(try NIOSSLPrivateKey(bytes: Array(identity.key.utf8), format: .pem))))
        }
    }
}
