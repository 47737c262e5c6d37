/// Whether a registration stands.
public enum RegistrationStatus: String, Codable, Sendable, CaseIterable {
    case confirmed
    case cancelled
}
