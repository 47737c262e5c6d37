import AsyncHTTPClient
import Badges
import Foundation
import Hummingbird
import LanyardTestSupport
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import PrintQueue
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

    @Test func aStationListeningOnEveryAddressIsTrustedAtTheMachinesOwnAddress() async throws {
        // What a tablet on the venue network types: the machine's address, not localhost.
        let hostname = Process()
        hostname.executableURL = URL(fileURLWithPath: "/usr/bin/hostname")
        hostname.arguments = ["-I"]
        let output = Pipe()
        hostname.standardOutput = output
        try hostname.run()
        hostname.waitUntilExit()
        let addresses = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: " ")
        let address = try #require(addresses.first { $0.contains(".") && !$0.hasPrefix("127.") }, "This machine has no IPv4 address but loopback.")
        let fixture = try await ServerFixture()
        try await fixture.serving(.init(host: "0.0.0.0", port: 0, tls: .selfSigned)) { port, _ in
            var trusting = TLSConfiguration.makeClientConfiguration()
            let authority = fixture.stations.folder.url.appendingPathComponent("station-ca.pem")
            trusting.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(authority.path))
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: trusting))
            let response = try await client.execute(HTTPClientRequest(url: "https://\(address):\(port)/signin"), timeout: .seconds(30))
            #expect(response.status.code == 200)
            try await client.shutdown()
        }
    }

    @Test func undoingACheckInRevokesTheBadgeItPrintedAndWithdrawsTheOneNotYetPrinted() async throws {
        let cups = try PrivateCUPS()
        let printer = try FakeLabelPrinter()
        try cups.addQueue("desk1", uri: printer.uri)
        let fixture = try await ServerFixture {
            $0.printers = PrinterRoute("desk1")
            $0.cupsServer = cups.server
        }
        let station = fixture.station
        // Printed already: the wrong person's badge must stop opening doors.
        let printed = try await station.checkIn(.init(reference: "ESOCC-00012", print: true, nonce: "undo-printed-1"), by: "desk")
        let key = try #require(printed.print?.key)
        for _ in 0..<300 where try station.database.printJob(key)?.state != .printed {
            _ = try station.printWorker.spooler.step()
            try await Task.sleep(for: .milliseconds(100))
        }
        _ = try await station.undoCheckIn(printed.checkIn.id, reason: "wrong Müller", by: "desk")
        let badge = try #require(try station.database.currentBadge(for: "ESOCC-00012"))
        #expect(badge.revocationReason?.contains("undone") == true)
        #expect(try station.database.logEntries(kind: .badgeRevoked, reference: "ESOCC-00012").map(\.staff) == ["desk"])
        // Still waiting for a printer: it never prints.
        let waiting = try await station.checkIn(.init(reference: "ESOCC-00014", print: true, nonce: "undo-waiting-1"))
        _ = try await station.undoCheckIn(waiting.checkIn.id, reason: nil)
        #expect(try station.database.printJob(#require(waiting.print?.key))?.state == .failed)
        _ = try station.printWorker.spooler.step()
        #expect(printer.documents.count == 1)
        #expect(try station.database.currentBadge(for: "ESOCC-00014") == nil)
    }

    @Test func aShutdownWithACheckInAndItsPrintJobInFlightLosesNeitherAndTheBadgePrintsOnce() async throws {
        let cups = try PrivateCUPS()
        let printer = try FakeLabelPrinter()
        try cups.addQueue("desk1", uri: printer.uri)
        let fixture = try await ServerFixture {
            $0.printers = PrinterRoute("desk1")
            $0.cupsServer = cups.server
        }
        let status = try await fixture.serving { port, group in
            // The check-in's body comes in two parts, and the station is told to stop between them: the request is
            // in flight when SIGTERM would arrive.
            let (body, sending) = AsyncStream.makeStream(of: ByteBuffer.self)
            var checkIn = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/checkins")
            checkIn.method = .POST
            checkIn.headers.add(name: "Authorization", value: "Bearer \(fixture.tokens[.desk]!)")
            checkIn.headers.add(name: "Content-Type", value: "application/json")
            checkIn.body = .stream(body, length: .unknown)
            async let answer = HTTPClient.shared.execute(checkIn, timeout: .seconds(30))
            sending.yield(ByteBuffer(string: #"{"reference":"ESOCC-00012","#))
            try await Task.sleep(for: .milliseconds(300))
            await group.triggerGracefulShutdown()
            sending.yield(ByteBuffer(string: #""print":true,"nonce":"shutdown-nonce-1"}"#))
            sending.finish()
            return try await answer.status.code
        }
        #expect(status == 200)
        #expect(try fixture.station.database.logEntries(kind: .checkIn).count == 1)
        // No job was left half-handed to CUPS: it is queued (to resume), or CUPS has it.
        let job = try #require(try fixture.station.database.printJobs(for: "ESOCC-00012").first)
        #expect(job.state != .submitting)
        // The station starts again: the badge comes out, once.
        for _ in 0..<300 where try fixture.station.database.printJob(job.key)?.state.isFinished != true {
            _ = try fixture.station.printWorker.spooler.step()
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(try fixture.station.database.printJob(job.key)?.state == .printed)
        #expect(printer.documents.count == 1)
    }
}
