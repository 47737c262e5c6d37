import ArgumentParser
import Foundation
import Roster
import Station

/// Prints a command's answer as text or as JSON, and its failure as a sentence with the command line's own hint
/// (or a JSON error) and an exit status.
struct Output {
    let json: Bool

    /// Prints `value` as pretty, key-sorted JSON when `--json` was given, else prints `text()`.
    func answer(_ value: some Encodable, text: () -> String) throws {
        if json {
            print(String(decoding: try StationJSON.encoder(pretty: true).encode(value), as: UTF8.self))
        } else {
            print(text())
        }
    }

    /// Runs a command body; a ``LanyardError`` becomes a sentence on stderr (or a JSON error on stdout) and the
    /// exit status its code calls for.
    func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as LanyardError {
            try fail(error)
        }
    }

    func fail(_ error: LanyardError) throws -> Never {
        let remedy = CommandLineHint.remedy(for: error)
        if json {
            try? answer(ErrorView(error, remedy: remedy)) { "" }
        } else {
            FileHandle.standardError.write(Data("lanyard: \([error.message, remedy].compactMap { $0 }.joined(separator: " "))\n".utf8))
        }
        throw Self.status(for: error.code).exitCode
    }

    private static func status(for code: LanyardError.Code) -> ExitStatus {
        switch code {
        case .notFound: .notFound
        case .registrationCancelled: .refused
        default: .failure
        }
    }
}
