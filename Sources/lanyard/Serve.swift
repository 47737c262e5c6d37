import ArgumentParser
import Foundation
import Hummingbird
import Roster
import RosterStore
import Server
import Station

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
                """)

        @OptionGroup var station: StationOptions
        @OptionGroup var printing: PrintOptions
        @Option(help: "HOST:PORT to listen on.") var listen = "127.0.0.1:8080"
        @OptionGroup var tls: TLSOptions

        func validate() throws {
            guard ServerConfiguration.address(listen) != nil else { throw ValidationError("--listen is HOST:PORT, as 127.0.0.1:8080.") }
            try tls.validate()
        }

        func run() async throws {
            let output = Output(json: station.json)
            try await output.run {
                let station = try await printing.open(self.station)
                try await Self.serve(station, listen: listen, tls: try tls.mode(), json: self.station.json, notes: [])
            }
        }

        /// Serves `station` until SIGTERM or SIGINT, saying where (and `notes`) once it listens.
        static func serve(_ station: Station, listen: String, tls: ServerConfiguration.TLS, json: Bool, notes: [String]) async throws {
            let (host, port) = ServerConfiguration.address(listen)!
            let configuration = ServerConfiguration(host: host, port: port, tls: tls)
            let scheme = tls == .none ? "http" : "https"
            let lock = try ServerLock(folder: station.configuration.data, address: "\(scheme)://\(host):\(port)")
            let application = try await StationServer.buildApplication(station: station, configuration: configuration, logger: Lanyard.logger()) {
                port in
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
