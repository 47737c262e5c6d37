/// JSON text for the store's small array columns, written and read without `JSONEncoder` and `JSONDecoder` row by row.
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

    /// The strings of an array as ``array(_:)-([String])`` writes plain strings (`["A1","B2"]`); nil for any other
    /// JSON (an escape, a space), which `JSONDecoder` then reads.
    static func strings(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            guard bytes.count >= 2, bytes.first == 0x5B, bytes.last == 0x5D else { return nil }
            if bytes.count == 2 { return [] }
            var strings: [String] = []
            var index = 1
            while true {
                guard bytes[index] == 0x22 else { return nil }
                let start = index + 1
                var end = start
                while end < bytes.count - 1, bytes[end] != 0x22 {
                    guard bytes[end] != 0x5C, bytes[end] >= 0x20 else { return nil }
                    end += 1
                }
                guard end < bytes.count - 1 else { return nil }
                strings.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                index = end + 1
                if index == bytes.count - 1 { return strings }
                guard bytes[index] == 0x2C, index + 1 < bytes.count - 1 else { return nil }
                index += 1
            }
        }
    }

    /// The numbers of an array as ``array(_:)-([Int])`` writes them (`[1,2,3]`); nil for any other JSON, which
    /// `JSONDecoder` then reads.
    static func numbers(_ text: String) -> [Int]? {
        guard text.utf8.first == 0x5B, text.utf8.last == 0x5D else { return nil }
        let inside = text.utf8.dropFirst().dropLast()
        if inside.isEmpty { return [] }
        var numbers: [Int] = []
        for item in inside.split(separator: 0x2C, omittingEmptySubsequences: false) {
            // JSON writes no leading zero (`01`); nine digits never overflow.
            guard !item.isEmpty, item.count <= 9, item.count == 1 || item.first != 0x30, item.allSatisfy({ (0x30...0x39).contains($0) })
            else { return nil }
            numbers.append(item.reduce(0) { $0 * 10 + Int($1 - 0x30) })
        }
        return numbers
    }
}
