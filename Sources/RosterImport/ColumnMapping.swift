public import Foundation
import Roster
import Yams

/// Which column of a file fills which delegate field.
///
/// Recognised from the header for Lanyard's own format and for pretix, Eventbrite and Indico attendee exports;
/// for anything else a mapping file (YAML) names the columns:
///
/// ```yaml
/// columns:
///   reference: Booking ID
///   givenName: Vorname
///   familyName: Nachname
///   category: Kategorie
/// ```
public struct ColumnMapping: Sendable, Equatable {
    /// Column index per field.
    public let columns: [RosterField: Int]
    /// The export format the header looks like.
    public let format: RegistrationExport
    /// How many columns the header has.
    public let columnCount: Int

    /// Recognises `header`, optionally overridden by `overrides` (field → header text, from a mapping file).
    /// - Throws: ``LanyardError`` `invalidInput` when no reference or no name column can be found, or an override
    ///   names a column the file does not have.
    public init(header: [String], overrides: [RosterField: String] = [:], fileName: String) throws {
        let normalised = header.map(RosterField.normalise)
        var columns: [RosterField: Int] = [:]
        var taken = Set<Int>()
        for (field, name) in overrides {
            guard let index = normalised.firstIndex(of: RosterField.normalise(name)) else {
                throw LanyardError(
                    .invalidInput, "The mapping names the column “\(name)” for \(field.rawValue), but \(fileName) has no such column.",
                    remedy: "Its columns are: \(header.joined(separator: ", ")).")
            }
            columns[field] = index
            taken.insert(index)
        }
        for field in RosterField.allCases where columns[field] == nil {
            for known in field.knownHeaders {
                if let index = normalised.firstIndex(of: known), !taken.contains(index) {
                    columns[field] = index
                    taken.insert(index)
                    break
                }
            }
        }
        let hasReference = columns[.reference] != nil || columns[.orderCode] != nil
        let hasName = columns[.familyName] != nil || columns[.fullName] != nil
        guard hasReference, hasName else {
            throw LanyardError(
                .invalidInput,
                "\(fileName) has no \(hasReference ? "name" : "reference") column that Lanyard recognises.",
                remedy: "Name its columns in a mapping file (see README).")
        }
        self.columns = columns
        self.columnCount = header.count
        self.format = RegistrationExport(recognising: Set(normalised))
    }

    /// Reads the `columns:` section of a YAML mapping file.
    public static func overrides(fromYAML url: URL) throws -> [RosterField: String] {
        struct File: Decodable { var columns: [String: String] }
        do {
            let file = try YAMLDecoder().decode(File.self, from: String(contentsOf: url, encoding: .utf8))
            return try Dictionary(
                uniqueKeysWithValues: file.columns.map { key, value in
                    guard let field = RosterField(rawValue: key) else {
                        throw LanyardError(
                            .invalidInput, "The mapping \(url.lastPathComponent) names an unknown field “\(key)”.",
                            remedy: "Fields are: \(RosterField.allCases.map(\.rawValue).joined(separator: ", ")).")
                    }
                    return (field, value)
                })
        } catch let error as LanyardError {
            throw error
        } catch {
            throw LanyardError(
                .invalidInput, "The mapping \(url.lastPathComponent) cannot be read: \(error).",
                remedy: "It needs a `columns:` section of field: column header pairs.", cause: error)
        }
    }

    /// The trimmed value of `field` in `fields`, or "" when the file has no such column.
    func value(_ field: RosterField, in fields: [String]) -> String {
        guard let index = columns[field], index < fields.count else { return "" }
        return fields[index]
    }
}
