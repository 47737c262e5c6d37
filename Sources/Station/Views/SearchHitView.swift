/// One search result: `{score, delegate}`, best first.
public struct SearchHitView: Encodable, Sendable {
    public let score: Int
    public let delegate: DelegateView
}
