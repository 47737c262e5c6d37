import Foundation
import LanyardTestSupport
import Testing

/// `printers`, `print` and `checkin --print` end to end: the built executable, a private cupsd on loopback and
/// stand-in label printers, reached through `CUPS_SERVER` as a desk would configure it.
@Suite struct PrintCommandTests {
    let cups: PrivateCUPS
    let lanyard = LanyardProcess()

    init() throws {
        cups = try PrivateCUPS()
    }

    private var environment: [String: String] {
        ["CUPS_SERVER": cups.server]
    }

    @Test func printersListsEveryQueueWithItsStateProfileAndReachabilityFromAnyWorkingDirectory() throws {
        defer { lanyard.removeData() }
        try lanyard.run("demo", "--no-serve")
        let printer = try FakeLabelPrinter()
        let unplugged = try FakeLabelPrinter(.refuse)
        defer { unplugged.stop() }
        try cups.addQueue("desk1-zebra", uri: printer.uri)
        try cups.addQueue("desk2", uri: printer.uri)
        try cups.addQueue("desk3", uri: unplugged.uri)
        try cups.tool("cupsdisable", "desk2")
        // Run from elsewhere: the shipped profiles are found beside the binary, not in the working directory.
        let result = try lanyard.run(
            "printers", "--printers", "desk1-zebra=zebra-zd421-203dpi,desk2,desk3", "--json", environment: environment,
            directory: FileManager.default.temporaryDirectory)
        #expect(result.status == 0, "\(result.stderr)")
        let queues = try #require(try result.json() as? [[String: Any]])
        #expect(queues.map { $0["queue"] as? String } == ["desk1-zebra", "desk2", "desk3"])
        #expect(queues[0]["usable"] as? Bool == true)
        #expect(queues[0]["profile"] as? String == "zebra-zd421-203dpi")
        #expect((queues[0]["status"] as? [String: Any])?["deviceURI"] as? String == printer.uri)
        #expect(queues[1]["usable"] as? Bool == false)
        #expect(queues[1]["profile"] == nil)
        #expect(queues[2]["usable"] as? Bool == false)
        #expect((queues[2]["problem"] as? String)?.contains("cannot be reached") == true)
    }

    @Test func aRouteNamingAProfileThatDoesNotExistIsAnError() throws {
        defer { lanyard.removeData() }
        try lanyard.run("demo", "--no-serve")
        let result = try lanyard.run("printers", "--printers", "desk1=zebra-zd999", environment: environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("zebra-zd999"))
    }

    @Test func withCUPSDownACheckInKeepsItsPrintRequestAndItPrintsOnceWhenCUPSIsBack() throws {
        defer { lanyard.removeData() }
        let printer = try FakeLabelPrinter()
        try cups.addQueue("desk1", uri: printer.uri)
        try lanyard.run("demo", "--no-serve")
        cups.stop()
        let waiting = try lanyard.run("checkin", "ESOCC-00012", "--print", "--printers", "desk1", "--wait", "2", "--json", environment: environment)
        #expect(waiting.status == 6, "\(waiting.stderr)")
        let answer = try #require(try waiting.json() as? [String: Any])
        #expect(answer["firstCheckIn"] as? Bool == true)
        #expect((answer["print"] as? [String: Any])?["state"] as? String == "queued")

        try cups.start()
        let printed = try lanyard.run("print", "--queued", "--printers", "desk1", "--json", environment: environment)
        #expect(printed.status == 0, "\(printed.stderr)")
        Thread.sleep(forTimeInterval: 1.5)
        #expect(printer.documents.count == 1)
        let card = try #require(try lanyard.run("show", "ESOCC-00012", "--json").json() as? [String: Any])
        #expect((card["printJobs"] as? [[String: Any]])?.first?["state"] as? String == "printed")
    }

    @Test func checkInWithPrintPrintsOneBadgeEvenWhenCheckedInTwice() throws {
        defer { lanyard.removeData() }
        let printer = try FakeLabelPrinter()
        try cups.addQueue("desk1", uri: printer.uri)
        try lanyard.run("demo", "--no-serve")
        let first = try lanyard.run(
            "checkin", "ESOCC-00012", "--station", "desk-1", "--print", "--printers", "desk1", "--json", environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        let answer = try #require(try first.json() as? [String: Any])
        let job = try #require(answer["print"] as? [String: Any])
        #expect(job["state"] as? String == "printed")
        #expect(job["queue"] as? String == "desk1")
        let code = try #require(job["code"] as? String)

        let again = try lanyard.run("checkin", "ESOCC-00012", "--print", "--printers", "desk1", environment: environment)
        #expect(again.status == 0)
        #expect(again.stdout.contains("printed on desk1"))
        Thread.sleep(forTimeInterval: 1.5)
        #expect(printer.documents.count == 1)

        // What came out of the printer is the badge the store issued.
        let pdf = lanyard.data.appendingPathComponent("received.pdf")
        try #require(printer.documents.first).write(to: pdf)
        #expect(try QRReader.codes(inPDF: pdf) == [code])
        let verdict = try lanyard.run("verify", "--code", code, "--json")
        #expect(verdict.status == 0, "\(verdict.stdout)")
    }

    @Test func aBadgeWithNoHealthyPrinterWaitsAndPrintsOnceWhenRetriedWithItsKey() throws {
        defer { lanyard.removeData() }
        let printer = try FakeLabelPrinter()
        try cups.addQueue("desk1", uri: printer.uri)
        try cups.tool("cupsdisable", "desk1")
        try lanyard.run("demo", "--no-serve")
        let waiting = try lanyard.run(
            "print", "ESOCC-00014", "--key", "reprint-1", "--printers", "desk1", "--wait", "2", "--json", environment: environment)
        #expect(waiting.status == 6, "\(waiting.stderr)")
        let queued = try #require(try waiting.json() as? [String: Any])
        #expect(queued["state"] as? String == "queued")
        #expect(queued["message"] as? String == "no usable printer")

        try cups.tool("cupsenable", "desk1")
        let printed = try lanyard.run(
            "print", "ESOCC-00014", "--key", "reprint-1", "--printers", "desk1", "--json", environment: environment)
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect((try printed.json() as? [String: Any])?["state"] as? String == "printed")
        Thread.sleep(forTimeInterval: 1.5)
        #expect(printer.documents.count == 1)
    }
}
