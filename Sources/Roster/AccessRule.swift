import Foundation

/// Who may enter a session.
public enum AccessRule: Sendable, Equatable, Hashable, Codable {
    /// Any delegate with a valid badge for the day.
    case all
    /// Only delegates whose registered sessions list the session.
    case registered
    /// Registered, and of a law-enforcement category.
    case registeredLawEnforcement
    /// Only delegates whose sessions list the session (an invitation).
    case invitation
    /// Only the listed category codes.
    case categories([String])

    /// Parses the roster's notation: `all`, `registered`, `registered+law-enforcement`, `invitation`,
    /// or `categories:SPK;VIP`.
    public init?(notation: String) {
        let text = notation.trimmingCharacters(in: .whitespaces).lowercased()
        switch text {
        case "all", "": self = .all
        case "registered": self = .registered
        case "registered+law-enforcement": self = .registeredLawEnforcement
        case "invitation": self = .invitation
        default:
            guard text.hasPrefix("categories:") else { return nil }
            let codes = text.dropFirst("categories:".count).split(whereSeparator: { $0 == ";" || $0 == "," })
                .map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty }
            guard !codes.isEmpty else { return nil }
            self = .categories(codes)
        }
    }

    /// The roster notation of this rule; ``init(notation:)`` reads it back.
    public var notation: String {
        switch self {
        case .all: "all"
        case .registered: "registered"
        case .registeredLawEnforcement: "registered+law-enforcement"
        case .invitation: "invitation"
        case .categories(let codes): "categories:" + codes.joined(separator: ";")
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let rule = AccessRule(notation: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Unknown access rule \(text)"))
        }
        self = rule
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(notation)
    }
}
