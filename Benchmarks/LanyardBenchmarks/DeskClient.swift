import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A desk's calls to the station's JSON API, as the desk page makes them, with a machine's bearer token.
struct DeskClient: Sendable {
    let client: HTTPClient
    let base: String
    let token: String

    /// Waits until the server answers, polling every 50 ms.
    func waitUntilAnswering(process: Process) async throws {
        for _ in 0..<600 {
            guard process.isRunning else { throw BenchmarkFailure("lanyard serve exited with status \(process.terminationStatus); see serve.log.") }
            if let response = try? await client.execute(request("/openapi.yaml"), timeout: .seconds(1)), response.status == .ok { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchmarkFailure("lanyard serve did not answer within 30 seconds; see serve.log.")
    }

    /// Searches as the desk types; nil when the server did not answer 200.
    func search(_ text: String) async throws -> Duration? {
        let query = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await client.execute(request("/delegates?q=\(query)&limit=10"), timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        return response.status == .ok ? clock.now - start : nil
    }

    /// A check-in the station accepted, and the key of its print job when it made one.
    struct CheckedIn {
        let printKey: String?
    }

    /// Checks a delegate in; nil when the station refused.
    func checkIn(_ reference: String, print: Bool) async throws -> CheckedIn? {
        var request = request("/checkins")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        let body = ["reference": reference, "nonce": UUID().uuidString, "print": print] as [String: Any]
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        let response = try await client.execute(request, timeout: .seconds(30))
        let answer = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok else { return nil }
        let json = try JSONSerialization.jsonObject(with: Data(answer.readableBytesView)) as? [String: Any]
        return CheckedIn(printKey: (json?["print"] as? [String: Any])?["key"] as? String)
    }

    /// Reads the station's event stream, noting when each print job is accepted by cupsd, until cancelled.
    func follow(into accepted: AcceptedJobs) async throws {
        try await readEvents("/stream", timeout: .hours(1)) { _, data in
            guard let event = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any],
                let job = event["job"] as? [String: Any], let key = job["key"] as? String,
                let state = job["state"] as? String, state == "submitted" || state == "printed"
            else { return true }
            await accepted.note(key)
            return true
        }
    }

    /// Reads the Server-Sent Events at `path`, handing each message's event name and data to `handle` until it
    /// answers false or the stream ends.
    func readEvents(_ path: String, timeout: TimeAmount, _ handle: (Substring, Substring) async throws -> Bool) async throws {
        let response = try await client.execute(request(path), timeout: timeout)
        var pending = ""
        for try await chunk in response.body {
            pending += String(buffer: chunk)
            while let end = pending.range(of: "\n\n") {
                let lines = pending[..<end.lowerBound].split(separator: "\n")
                pending = String(pending[end.upperBound...])
                let name = lines.first { $0.hasPrefix("event: ") }?.dropFirst(7) ?? "message"
                guard let data = lines.first(where: { $0.hasPrefix("data: ") })?.dropFirst(6) else { continue }
                if try await !handle(name, data) { return }
            }
        }
    }

    func request(_ path: String) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: base + path)
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        return request
    }
}

/// A benchmark that could not run, and why.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
