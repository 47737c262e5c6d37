import Testing

@testable import Badges

@Suite struct Base45Tests {
    /// The examples of RFC 9285.
    @Test(arguments: [("AB", "BB8"), ("Hello!!", "%69 VD92EX0"), ("base-45", "UJCLQE7W581"), ("ietf!", "QED8WEX0")])
    func encodingMatchesTheRFC(plain: String, encoded: String) {
        #expect(Base45.encode(Array(plain.utf8)) == encoded)
        #expect(Base45.decode(encoded) == Array(plain.utf8))
    }

    @Test(arguments: ["GGW", "ZZZ", "A", "abc"])
    func invalidTextDoesNotDecode(text: String) {
        #expect(Base45.decode(text) == nil)
    }
}
