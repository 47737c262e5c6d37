import Hummingbird
import Logging
import Roster

/// Turns every failure into the API's `{error: {code, message}}` body: the station's errors by their code, the
/// router's (no such route, a body that is not JSON, one too large) by their status, anything else as a 500
/// that is logged.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as LanyardError {
            if APIError.status(for: error.code) == .internalServerError {
                context.logger.error("Request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            }
            return try APIError(error).response(from: request, context: context)
        } catch let error as HTTPError {
            let message = error.body ?? error.status.reasonPhrase
            return try APIError(status: error.status, code: Self.code(error.status), message: Self.sentence(message))
                .response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            return try APIError(status: error.status, code: Self.code(error.status), message: Self.sentence(error.status.reasonPhrase))
                .response(from: request, context: context)
        } catch {
            context.logger.error("Request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return try APIError(status: .internalServerError, code: "internal-error", message: "Something went wrong on the station.")
                .response(from: request, context: context)
        }
    }

    private static func code(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "bad-request"
        case 401: "not-signed-in"
        case 403: "not-permitted"
        case 404: "not-found"
        case 405: "method-not-allowed"
        case 413: "too-large"
        default: "http-\(status.code)"
        }
    }

    private static func sentence(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
    }
}
