public import Roster

/// The JSON shape of a failure: `{error: {code, message, remedy?}}`.
public struct ErrorView: Encodable, Sendable {
    public struct Body: Encodable, Sendable {
        public let code: String
        public let message: String
        public let remedy: String?
    }

    public let error: Body

    public init(_ error: LanyardError, remedy: String? = nil) {
        self.error = Body(code: error.code.rawValue, message: error.message, remedy: remedy ?? error.remedy)
    }
}
