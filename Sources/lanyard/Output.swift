import ArgumentParser
import Foundation
import Roster
import RosterImport
import RosterStore

/// Prints a command's answer as text or as JSON, and its failure as a sentence (or a JSON error) with an exit status.
struct Output {
    let json: Bool

    /// Prints `value` as pretty, key-sorted JSON when `--json` was given, else prints `text()`.
    func answer(_ value: some Encodable, text: () -> String) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(value), as: UTF8.self))
        } else {
            print(text())
        }
    }

    /// Runs a command body; a ``LanyardError`` becomes a sentence on stderr (or a JSON error on stdout) and exit
    /// status 1, with `notFound` 2 and a refused action 3, so scripts can tell them apart.
    func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as LanyardError {
            try fail(error)
        } catch let error as CLIError {
            try fail(error.error)
        }
    }

    func fail(_ error: LanyardError, status: Int32? = nil) throws -> Never {
        if json {
            struct Failure: Encodable { let error: ErrorBody }
            struct ErrorBody: Encodable { let code: String; let message: String; let remedy: String? }
            try? answer(Failure(error: ErrorBody(code: error.code.rawValue, message: error.message, remedy: error.remedy))) { "" }
        } else {
            FileHandle.standardError.write(Data("lanyard: \(error)\n".utf8))
        }
        throw ExitCode(status ?? Self.status(for: error.code))
    }

    private static func status(for code: LanyardError.Code) -> Int32 {
        switch code {
        case .notFound: 2
        case .registrationCancelled: 3
        default: 1
        }
    }
}
