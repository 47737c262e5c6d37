public import Badges
public import Foundation
public import Roster

/// Everything a door decision depends on, gathered from the station's own store: no network involved.
public struct EntryRequest: Sendable {
    public var door: Door
    public var direction: Direction
    /// When the scan happened.
    public var at: Date
    public var event: Event
    /// What verifying the badge code decided.
    public var badge: BadgeCheck
    /// The delegate the badge names, when the roster has them.
    public var delegate: Delegate?
    /// Their category, for law-enforcement and category rules.
    public var category: Category?
    /// The session behind the door, when it is a session door.
    public var session: Session?
    /// Whether the delegate has checked in at a desk.
    public var isCheckedIn: Bool
    /// Whether the delegate is inside this door's place already (admitted in, no exit since).
    public var isInside: Bool
    /// How many people are inside now.
    public var occupancy: Int

    public init(
        door: Door, direction: Direction, at: Date, event: Event, badge: BadgeCheck, delegate: Delegate?, category: Category?,
        session: Session?, isCheckedIn: Bool, isInside: Bool, occupancy: Int
    ) {
        self.door = door
        self.direction = direction
        self.at = at
        self.event = event
        self.badge = badge
        self.delegate = delegate
        self.category = category
        self.session = session
        self.isCheckedIn = isCheckedIn
        self.isInside = isInside
        self.occupancy = occupancy
    }
}
