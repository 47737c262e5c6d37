/// A registered delegate, as the registration system knows them.
public struct Delegate: Codable, Sendable, Equatable, Hashable {
    /// The stable booking reference; the only key (several delegates share names).
    public var reference: String
    public var title: String
    /// Given name as registered (stray whitespace collapsed).
    public var givenName: String
    /// Family name as registered (stray whitespace collapsed).
    public var familyName: String
    /// The full name in the delegate's own script, when given besides a Latin spelling.
    public var nativeName: String?
    public var organisation: String
    /// ISO 3166-1 alpha-2 country code, upper case.
    public var country: String
    /// Category code.
    public var category: String
    public var email: String
    /// Session codes the delegate registered for (or is invited to).
    public var sessions: [String]
    /// Event days (1-based) the delegate's badge is valid on.
    public var days: [Int]
    public var status: RegistrationStatus

    public init(
        reference: String, title: String = "", givenName: String, familyName: String, nativeName: String? = nil,
        organisation: String = "", country: String = "", category: String, email: String = "",
        sessions: [String] = [], days: [Int] = [], status: RegistrationStatus = .confirmed
    ) {
        self.reference = reference
        self.title = title
        self.givenName = givenName
        self.familyName = familyName
        self.nativeName = nativeName
        self.organisation = organisation
        self.country = country
        self.category = category
        self.email = email
        self.sessions = sessions
        self.days = days
        self.status = status
    }

    /// The name as a person reads it: given then family name, in the case a badge should show.
    public var displayName: String {
        PersonName.displayCase([givenName, familyName].filter { !$0.isEmpty }.joined(separator: " "))
    }
}
