import Foundation
import LanyardTestSupport
import RosterStore
import Testing

/// Badges, verification and doors through the command line, as a desk, a turnstile script and a steward use them.
@Suite struct DoorCommandTests {
    private func issueBadge(_ lanyard: LanyardProcess, _ reference: String) throws -> String {
        let badge = try #require(
            try lanyard.run("badge", reference, "--out", lanyard.data.appendingPathComponent("b.png").path, "--json").json() as? [String: Any])
        return try #require(badge["code"] as? String)
    }

    @Test func verifyAnswersValidOrTheReasonWithAnExitStatus() throws {
        let lanyard = LanyardProcess()
        defer { lanyard.removeData() }
        try lanyard.run("demo", "--no-serve")
        let code = try issueBadge(lanyard, "ESOCC-00012")
        let valid = try lanyard.run("verify", "--code", code, "--json")
        #expect(valid.status == 0)
        #expect((try valid.json() as? [String: Any])?["reason"] as? String == "valid")
        // Lower one signature digit: still Base45, no longer the event's signature.
        var characters = Array(code)
        let index = [4 + 3 * 40, 4 + 3 * 39].first { characters[$0] != "0" }!
        characters[index] = "0"
        let forged = try lanyard.run("verify", "--code", String(characters), "--json")
        #expect(forged.status == 5)
        #expect((try forged.json() as? [String: Any])?["reason"] as? String == "bad-signature")
        _ = try issueBadge(lanyard, "ESOCC-00012")
        #expect((try lanyard.run("verify", "--code", code, "--json").json() as? [String: Any])?["reason"] as? String == "superseded")
    }

    @Test func verifyAtASessionDecidesAsTheDoorAndRecordsUnlessDryRun() throws {
        let lanyard = LanyardProcess()
        defer { lanyard.removeData() }
        let demo = try #require(try lanyard.run("demo", "--no-serve", "--json").json() as? [String: Any])
        let firstDay = try #require(((demo["event"] as? [String: Any])?["days"] as? [[String: Any]])?.first?["date"] as? String)
        try lanyard.run("checkin", "ESOCC-00007")
        let code = try issueBadge(lanyard, "ESOCC-00007")
        let dry = try lanyard.run("verify", "--session", "A1", "--code", code, "--at", "\(firstDay)T13:45", "--dry-run", "--json")
        #expect(dry.status == 0)
        let admitted = try lanyard.run("verify", "--session", "A1", "--code", code, "--at", "\(firstDay)T13:45", "--json")
        #expect((try admitted.json() as? [String: Any])?["verdict"] as? String == "ADMIT")
        let again = try lanyard.run("verify", "--session", "A1", "--code", code, "--at", "\(firstDay)T13:50", "--json")
        #expect(again.status == 5)
        #expect((try again.json() as? [String: Any])?["reason"] as? String == "already-inside")
        let restricted = try lanyard.run("verify", "--session", "A4", "--code", code, "--at", "\(firstDay)T14:00", "--json")
        #expect((try restricted.json() as? [String: Any])?["reason"] as? String == "not-registered")
        let attendance = try #require(try lanyard.run("attendance", "--day", "1", "--json").json() as? [String: Any])
        let a1 = (attendance["sessions"] as? [[String: Any]])?.first { $0["code"] as? String == "A1" }
        #expect(a1?["occupancy"] as? Int == 1)
        #expect(a1?["entries"] as? Int == 1)
    }

    @Test func aDoorConfiguredInStationYAMLReadsScansFromStandardInput() throws {
        let lanyard = LanyardProcess()
        defer { lanyard.removeData() }
        try lanyard.run("demo", "--no-serve")
        try """
        doors:
          - name: Hall
            area: Exhibition Hall
            capacity: 400
        """.write(to: lanyard.data.appendingPathComponent("station.yaml"), atomically: true, encoding: .utf8)
        try lanyard.run("checkin", "ESOCC-00007")
        let code = try issueBadge(lanyard, "ESOCC-00007")
        let door = try lanyard.run("door", "--door", "Hall", stdin: "]Q1\(code)\r\n\(code)\r\nLY1:NOT-A-BADGE\r\n")
        #expect(door.status == 0, "\(door.stderr)")
        let lines = door.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("ADMIT [admitted]") && $0.contains("Wolfgang Pichler") && $0.contains("1 / 400") })
        #expect(lines.contains { $0.contains("counted once") })
        #expect(lines.contains { $0.hasPrefix("DENY") })
        let json = try lanyard.run("door", "--door", "Hall", "--direction", "out", "--json", stdin: "\(code)\r\n")
        let line = try #require(json.stdout.split(separator: "\n").first)
        let scan = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect((scan["decision"] as? [String: Any])?["reason"] as? String == "exit")
        #expect(scan["occupancy"] as? Int == 0)
        #expect(scan["capacity"] as? Int == 400)
        try lanyard.run("door", "--door", "Hall", stdin: "\(code)\r\n")
        let rollcall = try lanyard.run("rollcall", "--csv")
        #expect(rollcall.stdout.contains(#""ESOCC-00007","Wolfgang Pichler","Bundeskriminalamt Österreich","Exhibition Hall""#))
    }

    @Test func aMisspeltSettingInStationYAMLIsAnErrorThatNamesIt() throws {
        let lanyard = LanyardProcess()
        defer { lanyard.removeData() }
        try lanyard.run("demo", "--no-serve")
        try "doors:\n  - name: Hall\n    area: Hall\n    capacty: 400\n"
            .write(to: lanyard.data.appendingPathComponent("station.yaml"), atomically: true, encoding: .utf8)
        let result = try lanyard.run("door", "--door", "Hall", stdin: "")
        #expect(result.status == 1)
        #expect(result.stderr.contains("capacty"))
    }

    @Test func aRevokedBadgeIsDeniedAtTheDoorWithItsReason() throws {
        let lanyard = LanyardProcess()
        defer { lanyard.removeData() }
        try lanyard.run("demo", "--no-serve")
        try lanyard.run("checkin", "ESOCC-00007")
        let code = try issueBadge(lanyard, "ESOCC-00007")
        let revoked = try lanyard.run("badge", "revoke", "ESOCC-00007", "--reason", "reported stolen", "--json")
        #expect(revoked.status == 0, "\(revoked.stderr)")
        #expect((try revoked.json() as? [String: Any])?["reason"] as? String == "reported stolen")
        let verdict = try lanyard.run("verify", "--area", "Venue", "--code", code, "--json")
        #expect(verdict.status == 5)
        let answer = try #require(try verdict.json() as? [String: Any])
        #expect(answer["reason"] as? String == "revoked")
        #expect((answer["sentence"] as? String)?.contains("reported stolen") == true)
    }

    @Test func theDoorStationNeedsOnlyThePublicKey() throws {
        let desk = LanyardProcess(), door = LanyardProcess()
        defer {
            desk.removeData()
            door.removeData()
        }
        try desk.run("demo", "--no-serve")
        let code = try issueBadge(desk, "ESOCC-00012")
        let key = try desk.run("keys", "export-public").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // A door station: a copy of the store without the private key, plus the exported public key. Copied as SQLite
        // copies a store (its online backup), never as a file: the file alone lacks what the log may still hold.
        try FileManager.default.createDirectory(at: door.data, withIntermediateDirectories: true)
        try RosterDatabase.open(in: DataFolder(path: desk.data.path)).backup(to: door.data.appendingPathComponent("roster.sqlite"))
        try door.run("keys", "import-public", key)
        #expect(try door.run("verify", "--code", code).status == 0)
        let issue = try door.run("badge", "ESOCC-00012", "--out", door.data.appendingPathComponent("x.png").path)
        #expect(issue.status == 1)
        #expect(issue.stderr.contains("no signing key"))
        let mode =
            try FileManager.default.attributesOfItem(atPath: desk.data.appendingPathComponent("event-signing.key").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
