/// Which way a scan goes through a door.
public enum Direction: String, Sendable, Codable, CaseIterable {
    case `in`, out
}
