import Foundation
import NIOSSL
import PostgresNIO
import Roster

/// A `postgres://` URL read into a connection's configuration.
enum PostgresAddress {
    /// - Returns: The configuration, and the address without its password for messages.
    /// - Throws: ``LanyardError`` `configurationError`.
    static func configuration(_ url: String) throws -> (PostgresClient.Configuration, String) {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? ""),
            let host = components.host, !host.isEmpty, let user = components.user, !user.isEmpty
        else {
            throw LanyardError(
                .configurationError, "\(url) is not a PostgreSQL address.", remedy: "Give postgres://USER:PASSWORD@HOST:5432/DATABASE.")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        // As libpq: prefer and require encrypt without checking the server's certificate (Debian's own is
        // self-signed); verify-full checks it against the system's authorities.
        var unchecked = TLSConfiguration.makeClientConfiguration()
        unchecked.certificateVerification = .none
        let tls: PostgresClient.Configuration.TLS
        switch mode {
        case "disable": tls = .disable
        case "prefer", "allow": tls = .prefer(unchecked)
        case "require": tls = .require(unchecked)
        case "verify-full": tls = .require(.makeClientConfiguration())
        default:
            throw LanyardError(
                .configurationError, "sslmode=\(mode) is not one Lanyard knows.", remedy: "Use disable, prefer, require or verify-full.")
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: database.isEmpty ? nil : database, tls: tls)
        configuration.options.maximumConnections = 10
        configuration.options.connectTimeout = .seconds(5)
        // The server ends what a hub left hanging: a statement, or a transaction whose hub went away holding the
        // lock every push takes.
        configuration.options.additionalStartupParameters = [
            ("statement_timeout", "10s"), ("lock_timeout", "10s"), ("idle_in_transaction_session_timeout", "15s"),
        ]
        return (configuration, "postgres://\(user)@\(host):\(components.port ?? 5432)/\(database)")
    }
}
