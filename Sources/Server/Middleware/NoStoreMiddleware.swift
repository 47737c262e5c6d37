import HTTPTypes
import Hummingbird

/// Marks every answer of the JSON API `Cache-Control: no-store` unless it says otherwise: delegates, verdicts and
/// reports are personal data, and a browser's or client library's cache would keep them on disk, and answer a
/// revoked token's request from there.
struct NoStoreMiddleware: RouterMiddleware {
    typealias Context = StationRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
