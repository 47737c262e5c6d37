import AsyncHTTPClient
import Foundation
import Hummingbird
import LanyardTestSupport
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import Printing
import Roster
import RosterStore
import Server
import ServiceLifecycle
import Station
import Testing

/// The server on a real port: its event stream, and a graceful shutdown while a check-in prints.
@Suite(.serialized) struct LiveServerTests {
    @Test func theEventStreamCarriesACheckInMadeThroughTheAPI() async throws {
        let fixture = try await ServerFixture()
        try await fixture.serving { port, _ in
            var stream = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/stream")
            stream.headers.add(name: "Authorization", value: "Bearer \(fixture.tokens[.desk]!)")
            let response = try await HTTPClient.shared.execute(stream, timeout: .seconds(30))
            #expect(response.status.code == 200)
            #expect(response.headers.first(name: "Content-Type") == "text/event-stream")
            var checkIn = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/checkins")
            checkIn.method = .POST
            checkIn.headers.add(name: "Authorization", value: "Bearer \(fixture.tokens[.desk]!)")
            checkIn.headers.add(name: "Content-Type", value: "application/json")
            checkIn.body = .bytes(ByteBuffer(string: #"{"reference":"ESOCC-00012","print":false,"nonce":"stream-nonce-1"}"#))
            #expect(try await HTTPClient.shared.execute(checkIn, timeout: .seconds(30)).status.code == 200)
            var received = ""
            for try await chunk in response.body {
                received += String(buffer: chunk)
                if received.contains("\"kind\":\"check-in\"") { break }
            }
            #expect(received.contains("event: entry"))
            #expect(received.contains("ESOCC-00012"))
        }
    }

    @Test func aSelfSignedStationServesHTTPSItsOwnAuthorityVouchesForWithSecureCookies() async throws {
        let fixture = try await ServerFixture()
        try await fixture.serving(.init(port: 0, tls: .selfSigned)) { port, _ in
            let authority = fixture.stations.folder.url.appendingPathComponent("station-ca.pem")
            var trusting = TLSConfiguration.makeClientConfiguration()
            trusting.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(authority.path))
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: trusting))
            var signIn = HTTPClientRequest(url: "https://localhost:\(port)/api/v1/session")
            signIn.method = .POST
            signIn.headers.add(name: "Content-Type", value: "application/json")
            signIn.body = .bytes(ByteBuffer(string: #"{"name":"desk","password":"\#(ServerFixture.passwords[.desk]!)"}"#))
            let response = try await client.execute(signIn, timeout: .seconds(30))
            #expect(response.status.code == 200)
            #expect(response.headers.first(name: "Set-Cookie")?.contains("Secure") == true)
            try await client.shutdown()
            // A client that does not trust the station's authority refuses the connection.
            let stranger = HTTPClient(eventLoopGroupProvider: .singleton)
            await #expect(throws: (any Error).self) {
                _ = try await stranger.execute(HTTPClientRequest(url: "https://localhost:\(port)/api/v1/session"), timeout: .seconds(30))
            }
            try await stranger.shutdown()
        }
        let mode = try FileManager.default.attributesOfItem(atPath: fixture.stations.folder.url.appendingPathComponent("station-ca.key").path)
        #expect(mode[.posixPermissions] as? Int == 0o600)
    }

    @Test func aGracefulShutdownFinishesTheCheckInAndThePrintSubmissionInFlight() async throws {
        let cups = try PrivateCUPS()
        let printer = try FakeLabelPrinter()
        try cups.addQueue("desk1", uri: printer.uri)
        let fixture = try await ServerFixture {
            $0.printers = PrinterRoute("desk1")
            $0.cupsServer = cups.server
        }
        let status = try await fixture.serving { port, group in
            var checkIn = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/checkins")
            checkIn.method = .POST
            checkIn.headers.add(name: "Authorization", value: "Bearer \(fixture.tokens[.desk]!)")
            checkIn.headers.add(name: "Content-Type", value: "application/json")
            checkIn.body = .bytes(ByteBuffer(string: #"{"reference":"ESOCC-00012","print":true,"nonce":"shutdown-nonce-1"}"#))
            let answer = try await HTTPClient.shared.execute(checkIn, timeout: .seconds(30))
            // The badge is now being rendered and handed to CUPS by the print worker: stop the station meanwhile.
            await group.triggerGracefulShutdown()
            return answer.status.code
        }
        #expect(status == 200)
        #expect(try fixture.station.database.logEntries(kind: .checkIn).count == 1)
        // No job was left half-handed to CUPS: it is queued (to resume), or CUPS has it.
        let job = try #require(try fixture.station.database.printJobs(for: "ESOCC-00012").first)
        #expect(job.state != .submitting)
        #expect(printer.documents.count <= 1)
    }
}
