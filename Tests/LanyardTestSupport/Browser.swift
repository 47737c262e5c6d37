import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOHTTP1

/// A real headless Chromium, driven through chromedriver's W3C WebDriver protocol: how the tests use the
/// station's pages as desk staff, delegates at a kiosk and organisers do.
public final class Browser: @unchecked Sendable {
    // @unchecked: the session and process are set in `init` and only read after.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) { self.description = description }
    }

    /// Keys WebDriver types for keys without a character.
    public enum Key {
        public static let enter = "\u{E007}"
        public static let arrowDown = "\u{E015}"
        public static let arrowUp = "\u{E013}"
        public static let escape = "\u{E00C}"
        public static let tab = "\u{E004}"
    }

    private let driver: Process
    private let base: URL
    private let session: String

    /// Runs `body` with a headless Chromium of `width` × `height`, and quits the browser and chromedriver after it,
    /// whether it succeeded or threw.
    public static func session<T>(width: Int = 1366, height: Int = 768, _ body: (Browser) async throws -> T) async throws -> T {
        let browser = try await Browser(width: width, height: height)
        do {
            let result = try await body(browser)
            await browser.quit()
            return result
        } catch {
            await browser.quit()
            throw error
        }
    }

    /// Starts chromedriver and a headless Chromium with a window of `width` × `height`.
    private init(width: Int, height: Int) async throws {
        let port = try Self.freePort()
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: "/usr/bin/chromedriver")
        driver.arguments = ["--port=\(port)", "--log-level=OFF"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        base = URL(string: "http://127.0.0.1:\(port)")!
        var ready = false
        for _ in 0..<100 where !ready {
            try await Task.sleep(for: .milliseconds(100))
            ready = (try? await Self.request(base.appendingPathComponent("status"), method: "GET", body: nil)) != nil
        }
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": "/usr/bin/chromium",
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=\(width),\(height)",
                            "--lang=en-GB", "--force-device-scale-factor=1",
                        ],
                    ],
                ]
            ]
        ]
        let created = try await Self.request(base.appendingPathComponent("session"), method: "POST", body: capabilities)
        guard let value = created["value"] as? [String: Any], let session = value["sessionId"] as? String else {
            driver.terminate()
            throw Failure(description: "chromedriver did not start a session: \(created)")
        }
        self.session = session
    }

    /// Ends the WebDriver session, which quits Chromium (ending chromedriver alone leaves it running), then
    /// chromedriver: asked through its `/shutdown`, then killed if it is still there after five seconds. (Waited
    /// for by polling: Foundation's `waitUntilExit` spins a core on a thread without a run loop.)
    private func quit() async {
        _ = try? await Self.request(base.appendingPathComponent("session/\(session)"), method: "DELETE", body: nil)
        _ = try? await Self.request(base.appendingPathComponent("shutdown"), method: "GET", body: nil)
        for _ in 0..<50 where driver.isRunning {
            try? await Task.sleep(for: .milliseconds(100))
        }
        if driver.isRunning { kill(driver.processIdentifier, SIGKILL) }
    }

    /// Loads `url`.
    public func open(_ url: String) async throws {
        _ = try await command("url", ["url": url])
    }

    /// The first element matching the CSS `selector`, waiting up to `timeout` for it to appear.
    @discardableResult
    public func element(_ selector: String, timeout: Duration = .seconds(30)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let found = try? await command("element", ["using": "css selector", "value": selector]),
                let value = found["value"] as? [String: Any], let id = value.values.first as? String
            {
                return id
            }
            guard ContinuousClock.now < deadline else { throw Failure(description: "No element matches \(selector).") }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// How many elements match `selector` now.
    public func count(_ selector: String) async throws -> Int {
        let found = try await command("elements", ["using": "css selector", "value": selector])
        return (found["value"] as? [Any])?.count ?? 0
    }

    public func click(_ selector: String) async throws {
        try await onFreshElement(selector) { _ = try await command("element/\($0)/click", [:]) }
    }

    /// Types `text` into the element, as a keyboard would (WebDriver's key codes for Enter, arrows …).
    public func type(_ text: String, into selector: String) async throws {
        try await onFreshElement(selector) { _ = try await command("element/\($0)/value", ["text": text]) }
    }

    /// Runs `action` on the element `selector` finds; when the page re-rendered it between finding and acting (a
    /// live update), finds it again, as a person would simply click the new one.
    private func onFreshElement(_ selector: String, _ action: (String) async throws -> Void) async throws {
        for attempt in 1...3 {
            do {
                return try await action(try await element(selector))
            } catch let failure as Failure where failure.description.contains("stale element") && attempt < 3 {
                continue
            }
        }
    }

    /// The element's visible text.
    public func text(_ selector: String) async throws -> String {
        (try await command("element/\(try await element(selector))/text", nil, method: "GET")["value"] as? String) ?? ""
    }

    /// An attribute of the element.
    public func attribute(_ name: String, of selector: String) async throws -> String? {
        try await command("element/\(try await element(selector))/attribute/\(name)", nil, method: "GET")["value"] as? String
    }

    /// Runs `script` in the page and returns its value.
    @discardableResult
    public func execute(_ script: String) async throws -> Any? {
        try await command("execute/sync", ["script": script, "args": []])["value"]
    }

    /// Waits until `condition` holds, checking every 100 ms.
    public func wait(
        _ what: String, timeout: Duration = .seconds(30), until condition: @Sendable () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while !((try? await condition()) ?? false) {
            guard ContinuousClock.now < deadline else { throw Failure(description: "Timed out waiting for \(what).") }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Resizes the window (a 10-inch tablet is 1280 × 800).
    public func resize(width: Int, height: Int) async throws {
        _ = try await command("window/rect", ["width": width, "height": height])
    }

    /// Saves a screenshot of the window as PNG.
    public func screenshot(to url: URL) async throws {
        let taken = try await command("screenshot", nil, method: "GET")
        guard let base64 = taken["value"] as? String, let data = Data(base64Encoded: base64) else {
            throw Failure(description: "No screenshot came back.")
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    private func command(_ path: String, _ body: [String: Any]?, method: String = "POST") async throws -> [String: Any] {
        let result = try await Self.request(base.appendingPathComponent("session/\(session)/\(path)"), method: method, body: body)
        if let value = result["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "WebDriver \(path): \(error): \(value["message"] as? String ?? "")")
        }
        return result
    }

    /// One WebDriver command over HTTP. (AsyncHTTPClient rather than URLSession: chromedriver writes its headers
    /// without a space after the colon, which Foundation's client on Linux refuses.)
    private static func request(_ url: URL, method: String, body: [String: Any]?) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .init(rawValue: method)
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let data = try await response.body.collect(upTo: 64 << 20)
        return (try JSONSerialization.jsonObject(with: Data(data.readableBytesView)) as? [String: Any]) ?? [:]
    }

    private static func freePort() throws -> Int {
        let probe = try FakeLabelPrinter()
        defer { probe.stop() }
        return Int(probe.port)
    }
}
