import Foundation
public import Roster

/// What one badge shows: its text fields, its category (for colour bands) and its QR text.
public struct BadgeContent: Sendable, Equatable {
    public var fields: [String: String]
    public var category: String
    public var code: String

    public init(fields: [String: String], category: String, code: String) {
        self.fields = fields
        self.category = category
        self.code = code
    }

    /// A delegate's badge: the name in its own script, with a Latin line under it when that script is not Latin.
    /// - Parameters:
    ///   - categories: The event's categories, for the category's name.
    ///   - code: The signed token the QR code carries.
    public init(delegate: Delegate, event: Event, categories: [Category], code: String) {
        let native = delegate.nativeName.map { PersonName.displayCase($0, country: delegate.country) } ?? delegate.displayName
        let latin = Transliteration.latin(delegate.displayName, country: delegate.country)
        let category = categories.first { $0.code == delegate.category }
        fields = [
            "name": native,
            "latinName": PersonName.isLatin(native) ? "" : latin,
            "givenName": delegate.givenName,
            "familyName": delegate.familyName,
            "title": delegate.title,
            "organisation": delegate.organisation,
            "country": delegate.country,
            "countryName": Locale(identifier: "en").localizedString(forRegionCode: delegate.country) ?? delegate.country,
            "category": delegate.category,
            "categoryName": Self.badgeName(of: category) ?? delegate.category,
            "reference": delegate.reference,
            "event": event.name,
            "days": delegate.days.count == event.dayCount ? "All days" : "Day " + delegate.days.map(String.init).joined(separator: ", "),
        ]
        self.category = delegate.category
        self.code = code
    }

    /// A category's name as a badge shows it: without the explanation in brackets (`Delegate (law enforcement)` →
    /// `DELEGATE`), in capitals.
    private static func badgeName(of category: Category?) -> String? {
        guard let name = category?.name else { return nil }
        return name.split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
    }

    /// `format` with its `{field}` placeholders filled in.
    public func text(for format: String) -> String {
        var result = ""
        var rest = format[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            result += fields[String(rest[rest.index(after: open)..<close])] ?? ""
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return PersonName.collapsingWhitespace(result.trimmingCharacters(in: CharacterSet(charactersIn: " ·,")))
    }
}
