public import DelimitedText
public import Foundation
import Roster

/// An export as the registration system sent it, read into a table the roster import takes: delimited text as a
/// file would be, or JSON (an array of objects, or an object holding one under `results`, `delegates` or
/// `attendees`), whose keys become the columns and whose lists become `;`-separated fields.
public enum UpstreamExport {
    /// Reads `body`; `name` names it in error reports.
    /// - Throws: ``LanyardError`` `unreadableFile` when it is neither.
    public static func table(from body: Data, contentType: String?, name: String) throws -> DelimitedTable {
        let looksLikeJSON =
            contentType?.contains("json") == true || body.first(where: { !$0.isWhitespace }) == UInt8(ascii: "[")
            || body.first(where: { !$0.isWhitespace }) == UInt8(ascii: "{")
        guard looksLikeJSON else {
            guard let text = String(data: body, encoding: .utf8) else {
                throw LanyardError(.unreadableFile, "\(name) is not UTF-8 text.", remedy: "Have the registration system export UTF-8.")
            }
            return try DelimitedTable(text: text, name: name)
        }
        guard let objects = try? rows(of: JSONSerialization.jsonObject(with: body)) else {
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
