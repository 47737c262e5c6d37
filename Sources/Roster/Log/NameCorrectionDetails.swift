/// A delegate's name corrected at a desk (a misspelling, a missing accent): kept over later imports of the roster.
public struct NameCorrectionDetails: Codable, Sendable, Equatable {
    /// The name as it was.
    public var before: PersonNameFields
    /// The name as corrected.
    public var after: PersonNameFields

    public init(before: PersonNameFields, after: PersonNameFields) {
        self.before = before
        self.after = after
    }
}

/// The parts of a delegate's name a desk can correct.
public struct PersonNameFields: Codable, Sendable, Equatable {
    public var title: String
    public var givenName: String
    public var familyName: String
    public var nativeName: String?

    public init(title: String = "", givenName: String, familyName: String, nativeName: String? = nil) {
        self.title = title
        self.givenName = givenName
        self.familyName = familyName
        self.nativeName = nativeName
    }

    private enum CodingKeys: String, CodingKey { case title, givenName, familyName, nativeName }

    /// Reads the fields, a missing title being none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? ""
        givenName = try container.decode(String.self, forKey: .givenName)
        familyName = try container.decode(String.self, forKey: .familyName)
        nativeName = try container.decodeIfPresent(String.self, forKey: .nativeName)
    }

    /// The name fields of `delegate` (a name given in one piece counts as the family name).
    public init(_ delegate: Delegate) {
        self.init(
            title: delegate.title, givenName: delegate.givenName, familyName: delegate.fullName ?? delegate.familyName,
            nativeName: delegate.nativeName)
    }
}
