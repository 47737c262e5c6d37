import Printing
import Testing

@Suite struct ZebraHostStatusTests {
    /// Builds a `~HS` reply with the given fields set, the rest as a ready printer reports them.
    static func reply(
        paperOut: Int = 0, paused: Int = 0, formats: String = "000", partial: Int = 0, headUp: Int = 0, ribbonOut: Int = 0,
        thermalTransfer: Int = 0, labelsRemaining: String = "00000000"
    ) -> String {
        "\u{02}030,\(paperOut),\(paused),1218,\(formats),0,0,\(partial),000,0,0,0\u{03}\r\n"
            + "\u{02}001,0,\(headUp),\(ribbonOut),\(thermalTransfer),2,6,0,\(labelsRemaining),1,000\u{03}\r\n"
            + "\u{02}1234,0\u{03}\r\n"
    }

    @Test(
        arguments: [
            (reply(), [], true),
            (reply(paperOut: 1, formats: "001"), ["paper out"], false),
            (reply(headUp: 1), ["head open"], true),
            (reply(paused: 1), ["paused"], true),
            (reply(partial: 1), ["a label arrived only in part"], false),
            (reply(ribbonOut: 1), [], true),
            (reply(ribbonOut: 1, thermalTransfer: 1), ["ribbon out"], true),
            (reply(formats: "002"), [], false),
            (reply(labelsRemaining: "00000003"), [], false),
        ] as [(String, [String], Bool)])
    func aHostStatusReplySaysWhatStopsALabelAndWhetherOneIsInside(reply: String, faults: [String], isIdle: Bool) throws {
        let status = try #require(ZebraHostStatus(reply: reply))
        #expect(status.faults == faults)
        #expect(status.isIdle == isIdle)
    }

    @Test(arguments: ["", "garbage", "\u{02}030,0,0\u{03}"])
    func aReplyWithoutTheStatusStringsIsNotUnderstood(reply: String) {
        #expect(ZebraHostStatus(reply: reply) == nil)
    }

    @Test(
        arguments: [
            ("desk1", ["desk1"], [:]),
            ("desk3-zebra=zebra-zd421-203dpi, hall-a6", ["desk3-zebra", "hall-a6"], ["desk3-zebra": "zebra-zd421-203dpi"]),
            (" a , ,b= ", ["a", "b"], [:]),
        ] as [(String, [String], [String: String])])
    func aRouteListsQueuesInOrderWithTheProfilesItNames(text: String, queues: [String], profiles: [String: String]) {
        let route = PrinterRoute(text)
        #expect(route.queues == queues)
        #expect(route.profiles == profiles)
    }
}
