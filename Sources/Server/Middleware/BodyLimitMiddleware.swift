import Hummingbird

/// Limits how large a request body may be: a larger one is answered 413 and never read in full. Stations pushing
/// their entries to a hub may send larger bodies (`syncBytes`), so that catching up takes few requests.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = StationRequestContext
    let bytes: Int
    var syncBytes = 4 * 1024 * 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let bytes = request.uri.path.hasPrefix("/api/v1/sync/") ? syncBytes : bytes
        context.maxUploadSize = bytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > bytes {
            throw HTTPError(.contentTooLarge, message: "The request body is larger than the \(bytes) bytes the station accepts")
        }
        return try await next(request, context)
    }
}
