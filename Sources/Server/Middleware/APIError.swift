import Foundation
public import Hummingbird
public import Roster
public import Station

/// A failure as the API answers it: `{error: {code, message, remedy?}}` with the status its code calls for.
public struct APIError: HTTPResponseError {
    public let status: HTTPResponse.Status
    public let body: ErrorView

    public init(status: HTTPResponse.Status, code: String, message: String, remedy: String? = nil) {
        self.status = status
        body = ErrorView(LanyardError(LanyardError.Code(code), message, remedy: remedy))
    }

    /// `error` with the HTTP status its code calls for.
    public init(_ error: LanyardError) {
        status = Self.status(for: error.code)
        body = ErrorView(error)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try context.responseEncoder.encode(body, from: request, context: context)
        response.status = status
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// The status for each kind of failure: 400 input that cannot be read, 401 nobody known, 403 not allowed,
    /// 404 not found, 409 conflicts with what happened, 413 too large, 422 well-formed but wrong, 429 too many
    /// attempts, 503 the store or the print system busy or down.
    static func status(for code: LanyardError.Code) -> HTTPResponse.Status {
        switch code {
        case .notFound: .notFound
        case .alreadyExists, .conflict, .registrationCancelled, .attentionRequired, .tooLate: .conflict
        case .invalidInput, .configurationError: .unprocessableContent
        case .notSignedIn: .unauthorized
        case .notPermitted, .keyFailure, .seeADesk: .forbidden
        case .tooManyAttempts: .tooManyRequests
        case .storeBusy, .printSystemFailure, .noEvent, .hubUnreachable: .serviceUnavailable
        case .renderFailure, .templateError: .unprocessableContent
        default: .internalServerError
        }
    }
}
