/// A row an import skipped, with where it is and why.
public struct RowProblem: Codable, Sendable, Equatable, CustomStringConvertible {
    /// The file the row is in.
    public let file: String
    /// The line of the file the row starts on (the header is line 1).
    public let line: Int
    /// The row's reference, when it has one.
    public let reference: String?
    /// Why the row was skipped, as a sentence.
    public let reason: String

    public init(file: String, line: Int, reference: String?, reason: String) {
        self.file = file
        self.line = line
        self.reference = reference
        self.reason = reason
    }

    public var description: String {
        "\(file) line \(line)\(reference.map { " (\($0))" } ?? ""): \(reason)"
    }
}
