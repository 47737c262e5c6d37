public import Badges
public import Roster

/// Everything a door decision reads from the store about one badge holder, read in one transaction.
public struct DoorSnapshot: Sendable {
    public let delegate: Delegate?
    public let badge: IssuedBadge?
    public let state: DoorState

    /// The snapshot as a badge registry, so the verifier needs no further reads.
    public var registry: InMemoryBadgeRegistry {
        InMemoryBadgeRegistry(badges: badge.map { [$0] } ?? [], delegates: delegate.map { [$0.reference] } ?? [])
    }
}
