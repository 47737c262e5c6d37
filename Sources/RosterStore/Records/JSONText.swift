/// JSON text for the store's small array columns, without going through `JSONEncoder` row by row.
enum JSONText {
    /// `["A1","B2"]`, with quotes, backslashes and control characters escaped.
    static func array(_ strings: [String]) -> String {
        // Session codes and the like need no escaping: quoting them one by one would cost an import a string each.
        if strings.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C } }) {
            return strings.isEmpty ? "[]" : "[\"" + strings.joined(separator: "\",\"") + "\"]"
        }
        return "[" + strings.map(quoted).joined(separator: ",") + "]"
    }

    /// `[1,2,3]`.
    static func array(_ numbers: [Int]) -> String {
        "[" + numbers.map(String.init).joined(separator: ",") + "]"
    }

    static func quoted(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
