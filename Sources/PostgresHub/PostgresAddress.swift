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
        let tls: PostgresClient.Configuration.TLS
        switch mode {
        case "disable": tls = .disable
        case "require", "verify-full": tls = .require(.makeClientConfiguration())
        case "prefer", "allow": tls = .prefer(.makeClientConfiguration())
        default: throw LanyardError(.configurationError, "sslmode=\(mode) is not one Lanyard knows.", remedy: "Use disable, prefer or require.")
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: database.isEmpty ? nil : database, tls: tls)
        configuration.options.maximumConnections = 10
        return (configuration, "postgres://\(user)@\(host):\(components.port ?? 5432)/\(database)")
    }
}
