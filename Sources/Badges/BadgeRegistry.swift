/// What door and desk know about issued badges: the current serial of each delegate's badge and whether it was
/// revoked. The store implements it; tests use ``InMemoryBadgeRegistry``.
public protocol BadgeRegistry: Sendable {
    /// The newest badge issued to `reference`, or nil when none was issued (or the delegate is unknown).
    func currentBadge(for reference: String) throws -> IssuedBadge?
    /// Whether the roster has a delegate with `reference`.
    func hasDelegate(_ reference: String) throws -> Bool
}

/// A badge as the registry records it.
public struct IssuedBadge: Codable, Sendable, Equatable {
    public var reference: String
    public var serial: UInt16
    /// Why the badge was revoked (lost, stolen, withdrawn), or nil while it stands.
    public var revocationReason: String?

    public init(reference: String, serial: UInt16, revocationReason: String? = nil) {
        self.reference = reference
        self.serial = serial
        self.revocationReason = revocationReason
    }

    /// Whether the badge was revoked.
    public var isRevoked: Bool { revocationReason != nil }
}

/// A registry held in memory: for tests, and for a door station's snapshot.
public struct InMemoryBadgeRegistry: BadgeRegistry {
    public var badges: [String: IssuedBadge]
    public var delegates: Set<String>

    public init(badges: [IssuedBadge] = [], delegates: Set<String> = []) {
        self.badges = Dictionary(badges.map { ($0.reference.lowercased(), $0) }, uniquingKeysWith: { _, new in new })
        self.delegates = Set(delegates.map { $0.lowercased() })
    }

    public func currentBadge(for reference: String) -> IssuedBadge? { badges[reference.lowercased()] }
    public func hasDelegate(_ reference: String) -> Bool { delegates.contains(reference.lowercased()) }
}
