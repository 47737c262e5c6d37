import Foundation
import Roster

/// Turns one row of a delegates file into a ``Delegate``, or says why it cannot.
struct DelegateRowReader: Sendable {
    let mapping: ColumnMapping
    /// Day of each known session; a row naming another session is an error.
    let sessionDays: [String: Int]
    let dayCount: Int
    var categories: CategoryResolver

    mutating func delegate(from fields: [String]) throws(RowError) -> Delegate {
        let mapping = mapping
        let value = { (field: RosterField) in PersonName.collapsingWhitespace(mapping.value(field, in: fields)) }

        let reference = try reference(value)
        let given = value(.givenName), family = value(.familyName)
        // A name in one column is kept whole: where given names end and family names begin is not known
        // (`Maria de la Cruz`, a family-first `KIM Min-jun`).
        let full = family.isEmpty && given.isEmpty ? value(.fullName) : ""
        guard !family.isEmpty || !given.isEmpty || !full.isEmpty else { throw RowError("it has no name") }
        return try finish(reference, given, family, full.isEmpty ? nil : full, value)
    }

    private func reference(_ value: (RosterField) -> String) throws(RowError) -> String {
        var reference = value(.reference)
        if reference.isEmpty {
            let order = value(.orderCode), position = value(.positionID)
            guard !order.isEmpty else { throw RowError("it has no reference") }
            reference = position.isEmpty ? order : "\(order)-\(position)"
        }
        guard reference.utf8.count <= Delegate.maximumReferenceLength else {
            throw RowError(
                "its reference “\(reference)” is longer than the \(Delegate.maximumReferenceLength) characters a badge's code holds")
        }
        return reference
    }

    private mutating func finish(
        _ reference: String, _ given: String, _ family: String, _ full: String?, _ value: (RosterField) -> String
    ) throws(RowError) -> Delegate {
        let countryText = value(.country)
        var country = ""
        if !countryText.isEmpty {
            guard let code = CountryCodes.code(for: countryText) else {
                throw RowError("its country “\(countryText)” is not an ISO 3166-1 alpha-2 code or a country name")
            }
            country = code
        }
        // A file without a category column (Indico's) puts everyone in one category, "Delegate".
        let category = try categories.code(for: mapping.columns[.category] == nil ? "Delegate" : value(.category))
        let email = value(.email)
        if !email.isEmpty, !email.utf8.contains(0x40) { throw RowError("its email “\(email)” has no @") }
        let sessions = Self.items(of: value(.sessions)).map { code in
            code.utf8.contains { 0x61...0x7A ~= $0 } ? code.uppercased() : String(code)
        }
        if !sessionDays.isEmpty, let unknown = sessions.first(where: { sessionDays[$0] == nil }) {
            throw RowError("it names the session “\(unknown)”, which is not in the programme")
        }
        let days = try days(value(.days), sessions: sessions)
        guard let status = RegistrationStatus(exportValue: value(.status)) else {
            throw RowError("its status “\(value(.status))” is neither confirmed nor cancelled")
        }
        let native = value(.nativeName)
        return Delegate(
            reference: reference, title: value(.title), givenName: given, familyName: family, fullName: full,
            nativeName: native.isEmpty ? nil : native, organisation: value(.organisation), country: country,
            category: category, email: email, sessions: sessions, days: days, status: status)
    }

    /// The days a row lists; without a list, the days of its sessions, or every day.
    private func days(_ text: String, sessions: [String]) throws(RowError) -> [Int] {
        let items = Self.items(of: text)
        if items.isEmpty {
            let fromSessions = sessions.compactMap { sessionDays[$0] }
            return fromSessions.isEmpty ? Array(1...dayCount) : Self.sortedWithoutRepeats(fromSessions)
        }
        var days: [Int] = []
        for item in items {
            guard let day = Int(item), (1...dayCount).contains(day) else {
                throw RowError("its day “\(item)” is not a day of the event (1 to \(dayCount))")
            }
            days.append(day)
        }
        return Self.sortedWithoutRepeats(days)
    }

    private static func sortedWithoutRepeats(_ days: [Int]) -> [Int] {
        var unique: [Int] = []
        for day in days.sorted() where unique.last != day { unique.append(day) }
        return unique
    }

    /// The items of a `;`, `,` or `|` separated list, without surrounding spaces.
    private static func items(of text: String) -> [Substring] {
        guard !text.isEmpty else { return [] }
        var items: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while true {
            let atEnd = index == utf8.endIndex
            if atEnd || utf8[index] == 0x3B || utf8[index] == 0x2C || utf8[index] == 0x7C {
                var first = start, last = index
                while first < last, utf8[first] == 0x20 { utf8.formIndex(after: &first) }
                while last > first, utf8[utf8.index(before: last)] == 0x20 { utf8.formIndex(before: &last) }
                if first < last { items.append(text[first..<last]) }
                if atEnd { return items }
                start = utf8.index(after: index)
            }
            utf8.formIndex(after: &index)
        }
    }
}
