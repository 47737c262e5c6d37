import Hummingbird

/// Limits how large a request body may be: a larger one is answered 413 and never read in full.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = StationRequestContext
    let bytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.maxUploadSize = bytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > bytes {
            throw HTTPError(.contentTooLarge, message: "The request body is larger than the \(bytes) bytes the station accepts")
        }
        return try await next(request, context)
    }
}
