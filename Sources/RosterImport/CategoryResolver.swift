import Roster

/// Matches the category a row names (by code or by name: an Eventbrite ticket type or a pretix product is a
/// category's name) to a known category; when categories are not fixed, creates one for a new name.
struct CategoryResolver: Sendable {
    private(set) var known: [Category]
    /// Known categories' codes by their code (as it is and in lower case) and name in lower case.
    private var codes: [String: String] = [:]
    /// Whether a category that is not known is an error (a categories file was given) rather than a new one.
    let isStrict: Bool
    private(set) var created: [Category] = []

    init(known: [Category], isStrict: Bool) {
        self.known = known
        self.isStrict = isStrict
        for category in known { remember(category) }
    }

    /// The code of the category `text` names.
    /// - Throws: A reason, when the row names no category or an unknown one under strict matching.
    mutating func code(for text: String) throws(RowError) -> String {
        if let code = codes[text] { return code }  // a known code as written: most rows
        let wanted = PersonName.collapsingWhitespace(text)
        guard !wanted.isEmpty else { throw RowError("it names no category") }
        if let code = codes[wanted.lowercased()] { return code }
        guard !isStrict else {
            throw RowError(
                "its category “\(wanted)” is not in the categories file (known: \(known.map(\.code).joined(separator: ", ")))")
        }
        let code = Self.code(forName: wanted)
        let category = Category(code: code, name: wanted, isLawEnforcement: false)
        known.append(category)
        created.append(category)
        remember(category)
        return code
    }

    private mutating func remember(_ category: Category) {
        codes[category.name.lowercased()] = codes[category.name.lowercased()] ?? category.code
        codes[category.code.lowercased()] = category.code
        codes[category.code] = category.code
    }

    /// A code for a new category: its name in capitals, words joined by hyphens (`Early bird` → `EARLY-BIRD`).
    private static func code(forName name: String) -> String {
        name.uppercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }
}
