import Foundation
import LanyardTestSupport
import Testing

/// The command line end to end: the built executable on a real data folder, answering in text and in JSON.
@Suite struct LanyardCommandTests {
    @Test func theDemoSetsUpTheSampleConferenceAndReusesItTheSecondTime() throws {
        let lanyard = LanyardProcess()
        defer { lanyard.removeData() }
        let first = try lanyard.run("demo", "--no-serve", "--json")
        #expect(first.status == 0, "\(first.stderr)")
        let answer = try #require(try first.json() as? [String: Any])
        #expect(answer["delegates"] as? Int == 1200)
        #expect(answer["imported"] as? Bool == true)
        let second = try lanyard.run("demo", "--no-serve", "--json")
        #expect((try second.json() as? [String: Any])?["imported"] as? Bool == false)
    }

    @Test func searchAnswersRankedDelegatesInJSON() throws {
        let lanyard = LanyardProcess()
        defer { lanyard.removeData() }
        try lanyard.run("demo", "--no-serve")
        let result = try lanyard.run("search", "Шевченко", "--limit", "3", "--json")
        #expect(result.status == 0)
        let hits = try #require(try result.json() as? [[String: Any]])
        #expect(hits.count == 3)
        let delegate = try #require(hits.first?["delegate"] as? [String: Any])
        // Registered in either script: Шевченко finds both.
        #expect(["Shevchenko", "Шевченко"].contains(delegate["familyName"] as? String ?? ""))
        #expect(hits.first?["score"] is Int)
        for key in ["reference", "givenName", "displayName", "category", "country", "status", "sessions", "days"] {
            #expect(delegate[key] != nil, "missing \(key)")
        }
    }

    @Test func checkInIsHarmlessTwiceAndRefusesACancelledRegistration() throws {
        let lanyard = LanyardProcess()
        defer { lanyard.removeData() }
        try lanyard.run("demo", "--no-serve")
        let first = try #require(try lanyard.run("checkin", "ESOCC-00012", "--station", "desk-1", "--json").json() as? [String: Any])
        #expect(first["firstCheckIn"] as? Bool == true)
        let again = try lanyard.run("checkin", "ESOCC-00012", "--station", "desk-2")
        #expect(again.status == 0)
        #expect(again.stdout.contains("already checked in today at desk-1"))
        let refused = try lanyard.run("checkin", "ESOCC-00017")
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("is cancelled"))
        #expect(!refused.stderr.contains("Error("), "a sentence, not a dump")
        let forced = try #require(try lanyard.run("checkin", "ESOCC-00017", "--force", "--json").json() as? [String: Any])
        #expect(forced["forced"] as? Bool == true)
    }

    @Test func anImportWithABadRowReportsItsLineAndExitsFour() throws {
        let lanyard = LanyardProcess()
        defer { lanyard.removeData() }
        try lanyard.run("init", "--name", "Test", "--first-day", "2027-03-09", "--days", "2", "--time-zone", "Europe/Vienna")
        let file = lanyard.data.appendingPathComponent("in.csv")
        try "reference,first_name,last_name,category,country\nR-1,Ana,Popa,DEL,RO\nR-2,Jan,Novak,DEL,XX\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try lanyard.run("import", file.path, "--json")
        #expect(result.status == 4)
        let summary = try #require(try result.json() as? [String: Any])
        let problems = try #require(summary["problems"] as? [[String: Any]])
        #expect(problems.first?["line"] as? Int == 3)
        #expect((summary["changes"] as? [String: Any])?["added"] as? [String] == ["R-1"])
    }

    @Test func aMissingDataFolderIsExplainedNotCreated() throws {
        let lanyard = LanyardProcess()
        let result = try lanyard.run("search", "anything")
        #expect(result.status == 1)
        #expect(result.stderr.contains("lanyard init"))
        #expect(!FileManager.default.fileExists(atPath: lanyard.data.path))
    }

    @Test func initAsksForTheTimeZoneRatherThanGuessingIt() throws {
        let lanyard = LanyardProcess()
        defer { lanyard.removeData() }
        let result = try lanyard.run("init", "--name", "Test", "--first-day", "2027-03-09")
        #expect(result.status == 64)
        #expect(result.stderr.contains("--time-zone"))
    }

    @Test func theRollCallCSVNeutralisesFormulasInNamesAndStaysRFC4180() throws {
        let lanyard = LanyardProcess()
        defer { lanyard.removeData() }
        try lanyard.run("init", "--name", "Test", "--first-day", "2027-03-09", "--days", "3", "--time-zone", "Europe/London")
        let file = lanyard.data.appendingPathComponent("in.csv")
        try """
        reference,first_name,last_name,organisation,category
        R-1,"=HYPERLINK(""http://x"",""y"")",Smith,@SUM(1),DEL
        R-2,+Plus,"Jones, Jr",-Org,DEL

        """.write(to: file, atomically: true, encoding: .utf8)
        #expect(try lanyard.run("import", file.path).status == 0)
        try lanyard.run("checkin", "R-1", "--station", "desk-1")
        try lanyard.run("checkin", "R-2", "--station", "desk-1")
        let csv = try lanyard.run("rollcall", "--csv").stdout
        #expect(csv.contains(#""R-1","'=HYPERLINK(""http://x"",""y"") Smith","'@SUM(1)""#))
        #expect(csv.contains(#""R-2","'+Plus Jones, Jr","'-Org""#))
        #expect(csv.split(separator: "\r\n").count == 3)
    }

    @Test func showAnswersTheRegistrationAndItsLog() throws {
        let lanyard = LanyardProcess()
        defer { lanyard.removeData() }
        try lanyard.run("demo", "--no-serve")
        try lanyard.run("checkin", "ESOCC-00029", "--station", "desk-3")
        let answer = try #require(try lanyard.run("show", "esocc-00029", "--json").json() as? [String: Any])
        #expect((answer["delegate"] as? [String: Any])?["nativeName"] as? String == "ლევან ბერიძე")
        #expect((answer["log"] as? [[String: Any]])?.first?["station"] as? String == "desk-3")
        #expect(try lanyard.run("show", "NOPE").status == 2)
    }
}
