public import Roster

/// The station's own scanner, as `station.yaml` names it.
public struct ScannerSettings: Sendable, Equatable, Decodable {
    /// `stdin`, a `/dev/input/event*` keyboard wedge, or a serial device.
    public var device: String
    /// A scanner profile's name (shipped or in the hardware folder).
    public var profile: String?
    /// The door its scans are for.
    public var door: String?
    public var direction: Direction?

    public init(device: String, profile: String? = nil, door: String? = nil, direction: Direction? = nil) {
        self.device = device
        self.profile = profile
        self.door = door
        self.direction = direction
    }
}
