public import Roster

/// A delegate found by search, with how well they matched (higher is better).
public struct SearchHit: Sendable, Equatable {
    public let delegate: Delegate
    public let score: Int

    public init(delegate: Delegate, score: Int) {
        self.delegate = delegate
        self.score = score
    }
}
