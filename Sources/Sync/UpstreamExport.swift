public import DelimitedText
public import Foundation
import Roster

/// An export as the registration system sent it, read into a table the roster import takes: delimited text as a
/// file would be, or JSON (an array of objects, or an object holding one under `results`, `delegates` or
/// `attendees`, paginated with `next` as pretix's API pages), whose keys become the columns and whose lists become
/// `;`-separated fields.
public enum UpstreamExport {
    /// Reads `pages` (one, unless a JSON export is paginated); `name` names it in error reports.
    /// - Throws: ``LanyardError`` `unreadableFile` when it is neither.
    public static func table(from pages: [Data], contentType: String?, name: String) throws -> DelimitedTable {
        guard let body = pages.first else { throw LanyardError(.unreadableFile, "\(name) is empty.") }
        guard isJSON(body, contentType: contentType) else {
            guard let text = String(data: body, encoding: .utf8) else {
                throw LanyardError(.unreadableFile, "\(name) is not UTF-8 text.", remedy: "Have the registration system export UTF-8.")
            }
            return try DelimitedTable(text: text, name: name)
        }
        guard let objects = try? pages.flatMap({ try rows(of: JSONSerialization.jsonObject(with: $0)) }) else {
            throw LanyardError(
                .unreadableFile, "\(name) is not a JSON list of registrations.", remedy: "Export an array of objects, one per delegate.")
        }
        var header: [String] = []
        for object in objects { for key in object.keys.sorted() where !header.contains(key) { header.append(key) } }
        let records = objects.enumerated().map { index, object in
            DelimitedTable.Record(line: index + 1, fields: header.map { field(object[$0]) })
        }
        return DelimitedTable(header: header, records: records)
    }

    /// The next page of a paginated JSON export (`{"next": URL, "results": [...]}`), if any.
    public static func nextPage(after body: Data, contentType: String?) -> URL? {
        guard isJSON(body, contentType: contentType), let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any],
            let next = object["next"] as? String
        else { return nil }
        return URL(string: next)
    }

    private static func isJSON(_ body: Data, contentType: String?) -> Bool {
        let first = body.first { !$0.isWhitespace }
        return contentType?.contains("json") == true || first == UInt8(ascii: "[") || first == UInt8(ascii: "{")
    }

    private static func rows(of json: Any) throws -> [[String: Any]] {
        if let list = json as? [[String: Any]] { return list }
        if let object = json as? [String: Any] {
            for key in ["results", "delegates", "attendees"] { if let list = object[key] as? [[String: Any]] { return list } }
        }
        throw CocoaError(.coderReadCorrupt)
    }

    private static func field(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: ""
        case let text as String: text
        case let list as [Any]: list.map { field($0) }.joined(separator: ";")
        case let number as NSNumber: number.stringValue
        default: "\(value!)"
        }
    }
}

extension UInt8 {
    fileprivate var isWhitespace: Bool { self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09 }
}
