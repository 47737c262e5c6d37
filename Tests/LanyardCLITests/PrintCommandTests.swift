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
        ["CUPS_SERVER": cups.server, "LANYARD_HARDWARE": Self.hardwareFolder.path]
    }

    static var hardwareFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Hardware")
    }

    @Test func printersListsEveryQueueWithItsHealthAndProfile() throws {
        let printer = try FakeLabelPrinter()
        try cups.addQueue("desk1-zebra", uri: printer.uri)
        try cups.addQueue("desk2", uri: printer.uri)
        try cups.tool("cupsdisable", "desk2")
        let result = try lanyard.run(
            ["printers", "--printers", "desk1-zebra=zebra-zd421-203dpi,desk2", "--json"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let queues = try #require(try result.json() as? [[String: Any]])
        #expect(queues.count == 2)
        #expect(queues[0]["healthy"] as? Bool == true)
        #expect(queues[0]["profile"] as? String == "zebra-zd421-203dpi")
        #expect((queues[0]["printer"] as? [String: Any])?["deviceURI"] as? String == printer.uri)
        #expect(queues[1]["healthy"] as? Bool == false)
        #expect(queues[1]["profile"] == nil)
    }

    @Test func checkInWithPrintPrintsOneBadgeEvenWhenCheckedInTwice() throws {
        defer { lanyard.removeData() }
        let printer = try FakeLabelPrinter()
        try cups.addQueue("desk1", uri: printer.uri)
        try lanyard.run("demo")
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
        try lanyard.run("demo")
        let waiting = try lanyard.run(
            "print", "ESOCC-00014", "--key", "reprint-1", "--printers", "desk1", "--wait", "2", "--json", environment: environment)
        #expect(waiting.status == 6, "\(waiting.stderr)")
        let queued = try #require(try waiting.json() as? [String: Any])
        #expect(queued["state"] as? String == "queued")
        #expect(queued["message"] as? String == "no healthy printer")

        try cups.tool("cupsenable", "desk1")
        let printed = try lanyard.run(
            "print", "ESOCC-00014", "--key", "reprint-1", "--printers", "desk1", "--json", environment: environment)
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect((try printed.json() as? [String: Any])?["state"] as? String == "printed")
        Thread.sleep(forTimeInterval: 1.5)
        #expect(printer.documents.count == 1)
    }
}
