import Foundation

/// A progress line on stderr: rewritten in place on a terminal, one line at the start and the end otherwise.
struct Progress: Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1

    func update(_ label: String, done: Int, total: Int) {
        let text = total > 0 ? "\(label) \(done.formatted()) / \(total.formatted())" : "\(label)…"
        if isTerminal {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        } else if done == 0 || done == total {
            FileHandle.standardError.write(Data("\(text)\n".utf8))
        }
    }

    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
