import Roster

/// The longest text staff may give in a free-text field (a name, an organisation, a reason): enough for any real
/// one, and a clear refusal for anything longer rather than a badge or a log that cannot hold it.
enum FieldLimit {
    static let characters = 200

    /// - Throws: ``LanyardError`` `invalidInput` naming the field when `text` is longer than ``characters``.
    static func check(_ text: String?, _ field: String) throws {
        guard let text, text.count > characters else { return }
        throw LanyardError(.invalidInput, "The \(field) is longer than \(characters) characters.", remedy: "Shorten it.")
    }
}
