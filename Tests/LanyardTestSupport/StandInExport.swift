import Foundation
import Hummingbird
import Synchronization

/// A registration system's export on loopback: one body at a time with its ETag, answering 304 to a request that
/// names it.
public final class StandInExport: Sendable {
    private struct State {
        var body: String
        var etag: String
        var notModified = 0
        var copiesSent = 0
        var delay: Duration = .zero
        /// Later pages of a paginated export, by file name.
        var pages: [String: String] = [:]
    }

    private let state: Mutex<State>
    private let contentType: String

    public init(body: String, etag: String, contentType: String = "text/csv; charset=utf-8") {
        state = Mutex(State(body: body, etag: etag))
        self.contentType = contentType
    }

    /// The sample conference's export, with `edit` applied to its lines (the header is line 0).
    public static func sampleConference(_ edit: (inout [String]) -> Void) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SampleConference/conference/delegates.csv")
        var lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        edit(&lines)
        return lines.joined(separator: "\n") + "\n"
    }

    /// How many requests were answered 304.
    public var notModifiedAnswers: Int { state.withLock { $0.notModified } }
    /// How many requests for the export were answered with a copy.
    public var copiesSent: Int { state.withLock { $0.copiesSent } }

    /// Makes every answer wait `delay` (a slow registration system), so that pulls overlap.
    public func answer(after delay: Duration) {
        state.withLock { $0.delay = delay }
    }

    public func addPage(_ file: String, _ body: String) {
        state.withLock { $0.pages[file] = body }
    }

    public func replace(body: String, etag: String) {
        state.withLock {
            $0.body = body
            $0.etag = etag
        }
    }

    /// Serves the export on a free port while `body` runs.
    public func serving(_ body: @Sendable (Int) async throws -> Void) async throws {
        let router = Router()
        router.get("/:file") { request, context -> Response in
            let file = context.parameters.get("file") ?? ""
            let (text, etag, asked, delay) = self.state.withLock { state in
                if let page = state.pages[file] { return (page, "", false, state.delay) }
                let asked = request.headers[.ifNoneMatch] == state.etag
                if asked { state.notModified += 1 } else { state.copiesSent += 1 }
                return (state.body, state.etag, asked, state.delay)
            }
            try await Task.sleep(for: delay)
            if asked { return Response(status: .notModified, headers: [.eTag: etag]) }
            return Response(
                status: .ok, headers: [.contentType: self.contentType, .eTag: etag], body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        try await LoopbackServer.serving(router, body)
    }
}
