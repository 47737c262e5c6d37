public import Foundation
public import Hummingbird
import NIOCore
public import RosterStore
import Station

/// What a request carries through the server: who is asking (once the authenticator has found out), where from,
/// and how large its body may be.
public struct StationRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The credential that proved who is asking: a session cookie or a bearer token.
    public var credential: StaffCredential?
    /// The secret the request proved itself with (to sign out).
    public var secret: String?
    /// The peer's address, for rate-limiting sign-ins.
    public let remoteAddress: String?
    public var maxUploadSize: Int

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
        maxUploadSize = 64 * 1024
    }

    public var requestDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    public var responseEncoder: JSONEncoder { StationJSON.encoder() }
}
