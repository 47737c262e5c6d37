/// One delegate of a ``SyntheticRoster``: their names in their own script and in Latin letters, and how the
/// registration system gave them (in the native script alone, or in Latin letters with the native name beside).
public struct SyntheticDelegate: Sendable {
    public let reference: String
    public let given: SyntheticName
    public let family: SyntheticName
    /// Whether the roster's name columns hold the native script (rather than the Latin spelling).
    public let registeredInNativeScript: Bool
    /// Whether the name is written in a script other than Latin.
    public let hasOtherScript: Bool
    public let email: String
    let row: [String]

    /// The family name as the roster lists it.
    public var registeredFamily: String { registeredInNativeScript ? family.native : family.latin }
    /// The given name as the roster lists it.
    public var registeredGiven: String { registeredInNativeScript ? given.native : given.latin }

    init(
        reference: String, given: SyntheticName, family: SyntheticName, nativeScript: Bool, hasOtherScript: Bool,
        fields: (title: String, organisation: String, country: String, category: String, sessions: String, days: String, status: String)
    ) {
        self.reference = reference
        self.given = given
        self.family = family
        self.registeredInNativeScript = nativeScript
        self.hasOtherScript = hasOtherScript
        email = "\(given.latin).\(family.latin)@example.\(fields.country)".lowercased()
        let showsNative = hasOtherScript && !nativeScript
        row = [
            reference, fields.title, nativeScript ? given.native : given.latin, nativeScript ? family.native : family.latin,
            showsNative ? "\(given.native) \(family.native)" : "", fields.organisation, fields.country, fields.category, email,
            fields.sessions, fields.days, fields.status,
        ]
    }
}
