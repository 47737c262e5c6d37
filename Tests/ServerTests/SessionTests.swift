import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Roster
import RosterStore
import Station
import Testing

/// Signing in, the session cookie, cross-site protection, rate limiting, one-time passwords and revocation.
@Suite struct SessionTests {
    static func signIn(
        _ client: any TestClientProtocol, _ name: String, _ password: String, newPassword: String? = nil
    )
        async throws -> TestResponse
    {
        var body = ["name": name, "password": password]
        body["newPassword"] = newPassword
        return try await client.execute(
            uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"], body: .json(body))
    }

    @Test(arguments: [
        "/api/v1/delegates?q=shevchenko", "/api/v1/dashboard", "/api/v1/attendance/delegates?category=DEL", "/api/v1/reports/attendance.csv",
        "/api/v1/reports/roll-call.pdf",
    ])
    func anAnswerOfTheAPIIsNeverKeptInACache(uri: String) async throws {
        let fixture = try await ServerFixture()
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(uri: uri, method: .get, headers: fixture.headers(.organiser))
            #expect(response.status == .ok)
            #expect(response.headers[.cacheControl] == "no-store", "personal data, and a revoked token's answer, stay off disk")
        }
    }

    @Test func aSignedInBrowserCarriesAStrictHttpOnlyCookieAndMustSendThePagesTokenToChangeAnything() async throws {
        let fixture = try await ServerFixture()
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let signIn = try await Self.signIn(client, "desk", ServerFixture.passwords[.desk]!)
            #expect(signIn.status == .ok)
            let setCookie = try #require(signIn.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            let cookie = String(setCookie.prefix { $0 != ";" })
            let csrf = try #require((try signIn.json() as? [String: Any])?["csrf"] as? String)
            let body = ByteBuffer.json(["reference": "ESOCC-00012", "print": false, "nonce": "cookie-nonce-1"])

            let withoutToken = try await client.execute(
                uri: "/api/v1/checkins", method: .post, headers: [.cookie: cookie, .contentType: "application/json"], body: body)
            #expect(withoutToken.status == .forbidden)
            var crossSite: HTTPFields = [.cookie: cookie, .contentType: "application/json", HTTPField.Name("X-CSRF-Token")!: csrf]
            crossSite[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
            #expect(try await client.execute(uri: "/api/v1/checkins", method: .post, headers: crossSite, body: body).status == .forbidden)
            #expect(try fixture.station.database.logEntries(kind: .checkIn).isEmpty)

            let sameSite: HTTPFields = [
                .cookie: cookie, .contentType: "application/json", HTTPField.Name("X-CSRF-Token")!: csrf,
                HTTPField.Name("Sec-Fetch-Site")!: "same-origin",
            ]
            let accepted = try await client.execute(uri: "/api/v1/checkins", method: .post, headers: sameSite, body: body)
            #expect(accepted.status == .ok)
            // Reading needs no token.
            #expect(try await client.execute(uri: "/api/v1/delegates?q=muller", method: .get, headers: [.cookie: cookie]).status == .ok)

            let signOut = try await client.execute(
                uri: "/api/v1/session", method: .delete, headers: [.cookie: cookie, HTTPField.Name("X-CSRF-Token")!: csrf])
            #expect(signOut.status == .noContent)
            #expect(try await client.execute(uri: "/api/v1/delegates?q=muller", method: .get, headers: [.cookie: cookie]).status == .unauthorized)
        }
    }

    @Test func repeatedWrongPasswordsBlockTheAccountForAWhileEvenWithTheRightOne() async throws {
        let fixture = try await ServerFixture()
        let app = try await fixture.application()
        try await app.test(.router) { client in
            for _ in 0..<5 {
                #expect(try await Self.signIn(client, "desk", "wrong-password").status == .unauthorized)
            }
            let blocked = try await Self.signIn(client, "desk", ServerFixture.passwords[.desk]!)
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.errorCode == "too-many-attempts")
            // Another account is not blocked by this one's failures.
            #expect(try await Self.signIn(client, "organiser", ServerFixture.passwords[.organiser]!).status == .ok)
        }
    }

    @Test func repeatedWrongPasswordsFromOneAddressBlockEveryAccountFromThereButNotFromElsewhere() async throws {
        let fixture = try await ServerFixture()
        for name in ["alice", "bob", "carol", "dave", "erin"] {
            _ = try? await fixture.station.signIn(name, password: "a guess", from: "10.0.0.9")
        }
        let desk = ServerFixture.passwords[.desk]!
        let blocked = await #expect(throws: LanyardError.self) { try await fixture.station.signIn("desk", password: desk, from: "10.0.0.9") }
        #expect(blocked?.code == .tooManyAttempts)
        #expect(try await fixture.station.signIn("desk", password: desk, from: "10.0.0.10").staff.name == "desk")
    }

    @Test func anExpiredSessionSignsNobodyIn() async throws {
        let fixture = try await ServerFixture()
        let database = fixture.station.database
        try database.addCredential(for: "desk", kind: .session, secret: "expired-session-secret", csrf: "c", expiresAt: Date().addingTimeInterval(-1))
        try database.addCredential(for: "desk", kind: .session, secret: "current-session-secret", csrf: "c", expiresAt: Date().addingTimeInterval(60))
        #expect(try await fixture.station.authenticate("expired-session-secret") == nil)
        #expect(try await fixture.station.authenticate("current-session-secret")?.staff.name == "desk")
    }

    @Test func aOneTimePasswordMustBeReplacedAtTheFirstSignIn() async throws {
        let fixture = try await ServerFixture()
        let (_, password) = try await fixture.station.addStaff("newcomer", role: .desk)
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let first = try await Self.signIn(client, "newcomer", password)
            #expect(first.status == .conflict)
            #expect(first.errorCode == "attention-required")
            #expect(try await Self.signIn(client, "newcomer", password, newPassword: "short").status == .conflict)
            #expect(try await Self.signIn(client, "newcomer", password, newPassword: "a much longer secret").status == .ok)
            #expect(try await Self.signIn(client, "newcomer", password).status == .unauthorized)
            #expect(try await Self.signIn(client, "newcomer", "a much longer secret").status == .ok)
        }
    }

    @Test func tokensAndOneTimePasswordsAreLettersAndDigitsSoNoCommandLineTakesThemForAnOption() async throws {
        let fixture = try await ServerFixture()
        let (_, password) = try await fixture.station.addStaff("turnstile", role: .station)
        var secrets = [password]
        for _ in 0..<100 { secrets.append(try await fixture.station.issueToken(for: "turnstile")) }
        let lettersAndDigits = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        for secret in secrets {
            #expect(secret.unicodeScalars.allSatisfy(lettersAndDigits.contains), "\(secret) would break `--token \(secret)`")
        }
        #expect(secrets.dropFirst().allSatisfy { $0.count >= 43 }, "a token carries 256 bits")
        #expect(Set(secrets).count == secrets.count)
    }

    @Test func aRevokedMemberOfStaffIsRefusedAtOnceEverywhere() async throws {
        let fixture = try await ServerFixture()
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let signIn = try await Self.signIn(client, "desk", ServerFixture.passwords[.desk]!)
            let cookie = String(try #require(signIn.headers[.setCookie]).prefix { $0 != ";" })
            #expect(try await client.execute(uri: "/api/v1/delegates?q=a", method: .get, headers: fixture.headers(.desk)).status == .ok)
            try await fixture.station.revokeStaff("desk")
            #expect(try await client.execute(uri: "/api/v1/delegates?q=a", method: .get, headers: fixture.headers(.desk)).status == .unauthorized)
            #expect(try await client.execute(uri: "/api/v1/delegates?q=a", method: .get, headers: [.cookie: cookie]).status == .unauthorized)
            #expect(try await Self.signIn(client, "desk", ServerFixture.passwords[.desk]!).status == .unauthorized)
        }
    }

    @Test func pagesSendSomeoneNotSignedInToSignInAndServeTheirRoles() async throws {
        let fixture = try await ServerFixture()
        let app = try await fixture.application()
        try await app.test(.router) { client in
            let desk = try await client.execute(uri: "/desk", method: .get)
            #expect(desk.status == .found)
            #expect(desk.headers[.location] == "/signin?next=/desk")
            let signIn = try await client.execute(uri: "/signin", method: .get)
            #expect(signIn.status == .ok)
            #expect(signIn.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(try await client.execute(uri: "/desk", method: .get, headers: fixture.headers(.kiosk)).status == .found)
            #expect(try await client.execute(uri: "/kiosk", method: .get, headers: fixture.headers(.kiosk)).status == .ok)
            for (role, page) in [(StaffRole.desk, "/desk"), (.kiosk, "/kiosk"), (.door, "/door"), (.organiser, "/dashboard")] {
                let home = try await client.execute(uri: "/", method: .get, headers: fixture.headers(role))
                #expect(home.headers[.location] == page, "\(role)")
                #expect(try await client.execute(uri: page, method: .get, headers: fixture.headers(role)).status == .ok, "\(role)")
            }
            for page in ["/dashboard", "/desk", "/kiosk"] {
                #expect(try await client.execute(uri: page, method: .get, headers: fixture.headers(.door)).status == .found, "door on \(page)")
            }
        }
    }
}
