/// Why a scanner cannot be read or configured, with what to do about it.
public struct ScannerError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a sentence.
    public let message: String
    /// What to do about it, as a sentence.
    public let remedy: String?

    public init(_ message: String, remedy: String? = nil) {
        self.message = message
        self.remedy = remedy
    }

    public var description: String {
        [message, remedy].compactMap { $0 }.joined(separator: " ")
    }
}
