public import DelimitedText
public import Foundation
import Roster

/// Registrations read from pretix's REST API (`GET …/events/{event}/orders/`): one roster row per order position,
/// its reference the order code and position (`ABC12-1`), the attendee's name parts and e-mail (the order's when
/// the position has none), company and country, the product's id as its category, and the order's status (a
/// position canceled in an order still paid is cancelled too).
public enum PretixOrders {
    static let header = ["reference", "first_name", "last_name", "organisation", "country", "category", "email", "status"]

    /// The orders of `pages` (each `{count, next, results: [order]}`) as a table the roster import takes.
    /// - Throws: ``LanyardError`` `unreadableFile` when a page is not pretix's order list.
    public static func table(from pages: [Data]) throws -> DelimitedTable {
        var records: [DelimitedTable.Record] = []
        for page in pages {
            guard let object = (try? JSONSerialization.jsonObject(with: page)) as? [String: Any],
                let orders = object["results"] as? [[String: Any]]
            else {
                throw LanyardError(.unreadableFile, "pretix's answer is not a list of orders.", remedy: "Check the event's API URL and token.")
            }
            for order in orders {
                let code = order["code"] as? String ?? ""
                let orderCancelled = ["c", "e"].contains(order["status"] as? String ?? "")
                for position in order["positions"] as? [[String: Any]] ?? [] {
                    let parts = position["attendee_name_parts"] as? [String: Any] ?? [:]
                    let (given, family) = names(parts, whole: position["attendee_name"] as? String)
                    let cancelled = orderCancelled || position["canceled"] as? Bool == true
                    let fields = [
                        "\(code)-\(text(position["positionid"]))", given, family, text(position["company"]), text(position["country"]),
                        text(position["item"]), text(position["attendee_email"]).isEmpty ? text(order["email"]) : text(position["attendee_email"]),
                        cancelled ? "cancelled" : "confirmed",
                    ]
                    records.append(DelimitedTable.Record(line: records.count + 1, fields: fields))
                }
            }
        }
        return DelimitedTable(header: header, records: records)
    }

    /// The given and family names from pretix's name parts (`given_name`, `family_name`, or a scheme's other parts),
    /// else the whole name split at its last space.
    private static func names(_ parts: [String: Any], whole: String?) -> (String, String) {
        let given = text(parts["given_name"]).isEmpty ? text(parts["first_name"]) : text(parts["given_name"])
        let family = text(parts["family_name"]).isEmpty ? text(parts["last_name"]) : text(parts["family_name"])
        if !given.isEmpty || !family.isEmpty { return (given, family) }
        let name = whole ?? text(parts["full_name"])
        guard let space = name.lastIndex(of: " ") else { return ("", name) }
        return (String(name[..<space]), String(name[name.index(after: space)...]))
    }

    private static func text(_ value: Any?) -> String {
        switch value {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: ""
        }
    }
}
