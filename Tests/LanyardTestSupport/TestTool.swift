import Foundation

/// Runs a command-line tool to completion: how the tests drive CUPS's tools, zbarimg and pdftoppm.
public enum TestTool {
    /// A failed run: the tool, its arguments and what it said.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// Runs `path` with `arguments` and returns its standard output.
    /// - Parameter checked: When true, standard error is kept in the output and a non-zero exit throws
    ///   ``Failure``; when false, standard error is dropped and the exit status ignored (zbarimg exits non-zero
    ///   when it finds no code).
    @discardableResult
    public static func run(_ path: String, _ arguments: [String], checked: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = checked ? out : FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard !checked || process.terminationStatus == 0 else { throw Failure(description: "\(path) \(arguments): \(text)") }
        return text
    }
}
