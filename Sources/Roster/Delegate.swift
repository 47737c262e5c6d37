/// A registered delegate, as the registration system knows them.
public struct Delegate: Codable, Sendable, Equatable, Hashable {
    /// The longest reference a delegate may have (UTF-8 bytes): what a badge's QR code can carry.
    public static let maximumReferenceLength = 30

    /// The stable booking reference; the only key (several delegates share names).
    public var reference: String
    public var title: String
    /// Given name as registered (stray whitespace collapsed).
    public var givenName: String
    /// Family name as registered (stray whitespace collapsed).
    public var familyName: String
    /// The whole name as registered, when the export gives it in one piece: it is kept as written rather than
    /// guessed apart (compound and family-first names), and ``givenName`` and ``familyName`` are then empty.
    public var fullName: String?
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
        reference: String, title: String = "", givenName: String, familyName: String, fullName: String? = nil,
        nativeName: String? = nil, organisation: String = "", country: String = "", category: String, email: String = "",
        sessions: [String] = [], days: [Int] = [], status: RegistrationStatus = .confirmed
    ) {
        self.reference = reference
        self.title = title
        self.givenName = givenName
        self.familyName = familyName
        self.fullName = fullName
        self.nativeName = nativeName
        self.organisation = organisation
        self.country = country
        self.category = category
        self.email = email
        self.sessions = sessions
        self.days = days
        self.status = status
    }

    /// The name as a person reads it, given name first, in the case a badge should show (names typed in capitals
    /// are re-cased by the rules of the delegate's language).
    public var displayName: String {
        PersonName.displayCase(registeredName, country: country)
    }

    /// The name as registered: the full name, or the given and family names.
    public var registeredName: String {
        fullName ?? [givenName, familyName].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// What lists sort by: the family name, or the full name when that is all there is.
    public var sortName: String {
        familyName.isEmpty ? (fullName ?? givenName) : familyName
    }
}
