import Foundation
import LanyardTestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `lanyard serve` and `lanyard staff` end to end: the built executable on a real port, stopped by a real SIGTERM,
/// and other commands run against the folder it holds.
@Suite(.serialized) struct ServeCommandTests {
    /// Starts `lanyard serve` on a free port; returns the process and the URL it says it listens on.
    static func serve(
        _ lanyard: LanyardProcess, environment: [String: String] = [:], _ extra: String...
    ) async throws
        -> (LanyardProcess.Running, String)
    {
        let running = try lanyard.start(
            ["serve", "--listen", "127.0.0.1:0", "--json", "--data", lanyard.data.path] + extra, environment: environment)
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if let line = running.output.split(separator: "\n").first,
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let url = object["url"] as? String
            {
                return (running, url)
            }
            guard running.process.isRunning else {
                let result = running.wait()
                let end = running.process.terminationReason == .uncaughtSignal ? "signal" : "status"
                throw TestTool.Failure(
                    description: "lanyard serve stopped (\(end) \(result.status)) before it listened: \(result.stdout) \(result.stderr)")
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw TestTool.Failure(description: "lanyard serve did not say where it listens: \(running.output) \(running.errors)")
    }

    static func request(_ url: String, method: String = "GET", token: String? = nil, json: String? = nil) async throws -> (Int, Data) {
        var request = URLRequest(url: URL(string: url)!)
        // Foundation keeps a disk cache under ~/.cache: each test asks the server itself.
        request.cachePolicy = .reloadIgnoringLocalCacheData
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(json.utf8)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    @Test func theServerAnswersItsStaffAndStopsWithStatusZeroOnSIGTERM() async throws {
        let lanyard = LanyardProcess()
        defer { lanyard.removeData() }
        try lanyard.run("demo", "--no-serve")
        let added = try #require(try lanyard.run("staff", "add", "Ana", "--role", "desk", "--json").json() as? [String: Any])
        #expect((added["password"] as? String)?.count ?? 0 >= 10)
        let token = try lanyard.run("staff", "token", "Ana").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try lanyard.run("staff", "token", "Nobody").status == 2)
        let (server, url) = try await Self.serve(lanyard)
        let (status, body) = try await Self.request(url + "/api/v1/delegates?q=shevchenko", token: token)
        #expect(status == 200)
        #expect(String(decoding: body, as: UTF8.self).contains("ESOCC-00229"))
        // A second server on the same folder is refused.
        let second = try lanyard.run("serve", "--listen", "127.0.0.1:0")
        #expect(second.status == 1)
        #expect(second.stderr.contains("already runs"))
        // Revoked: refused at once.
        #expect(try lanyard.run("staff", "revoke", "Ana").status == 0)
        let (revokedStatus, revokedBody) = try await Self.request(url + "/api/v1/delegates?q=shevchenko", token: token)
        #expect(revokedStatus == 401, "\(String(decoding: revokedBody, as: UTF8.self).prefix(300))")
        kill(server.process.processIdentifier, SIGTERM)
        let result = server.wait()
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aCommandRunAgainstAFolderTheServerHoldsLeavesPrintingToItAndNothingPrintsTwiceOrIsLost() async throws {
        let cups = try PrivateCUPS()
        let printer = try FakeLabelPrinter()
        try cups.addQueue("desk1", uri: printer.uri)
        let lanyard = LanyardProcess()
        defer { lanyard.removeData() }
        let environment = ["CUPS_SERVER": cups.server, "LANYARD_PRINTERS": "desk1"]
        try lanyard.run("demo", "--no-serve")
        let token = try lanyard.run("staff", "token", "desk").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let (server, url) = try await Self.serve(lanyard, environment: environment)
        // The desk's browser and a command line check in at once.
        async let api = Self.request(
            url + "/api/v1/checkins", method: "POST", token: token, json: #"{"reference":"ESOCC-00014","print":true,"nonce":"serve-cli-1"}"#)
        let command = try lanyard.run("checkin", "ESOCC-00012", "--print", "--json", environment: environment)
        #expect(try await api.0 == 200)
        #expect(command.status == 0, "\(command.stderr)")
        #expect(((try command.json() as? [String: Any])?["print"] as? [String: Any])?["state"] as? String == "printed")
        let deadline = Date().addingTimeInterval(30)
        while printer.documents.count < 2 && Date() < deadline { try await Task.sleep(for: .milliseconds(200)) }
        try await Task.sleep(for: .seconds(1.5))
        #expect(printer.documents.count == 2)
        kill(server.process.processIdentifier, SIGTERM)
        #expect(server.wait().status == 0)
        let log = try #require(try lanyard.run("show", "ESOCC-00012", "--json").json() as? [String: Any])
        #expect((log["log"] as? [[String: Any]])?.filter { $0["kind"] as? String == "check-in" }.count == 1)
    }
}
