public import Foundation

/// The 1-bit image inside a ZPL label, for reading its QR code back: the `^GFA` field Lanyard writes, or the `~DG`
/// graphic the CUPS Zebra driver (`rastertolabel`) stores and recalls with `^XG`. Both carry ASCII hex with the ZPL
/// manual's compression: `G`…`Y` repeat the next digit 1…19 times and `g`…`z` 20…400 times (counts add up), `,`
/// fills the rest of the row with 0, `!` with 1, and `:` repeats the previous row.
public struct ZPLBitmap: Sendable {
    public let bytesPerRow: Int
    /// Rows of bits, most significant first, 1 = black.
    public let bytes: [UInt8]

    /// The first graphic in `label`, or nil when it has none.
    public init?(label: Data) {
        let text = String(decoding: label, as: UTF8.self)
        let start: Range<String.Index>
        let fieldsBeforeData: Int
        if let graphic = text.firstRange(of: "^GFA,") {
            start = graphic
            fieldsBeforeData = 3  // total bytes, field bytes, bytes per row
        } else if let graphic = text.firstRange(of: "~DG") {
            start = graphic
            fieldsBeforeData = 3  // name, total bytes, bytes per row
        } else {
            return nil
        }
        let parts = text[start.upperBound...].split(separator: ",", maxSplits: fieldsBeforeData, omittingEmptySubsequences: false)
        guard parts.count == fieldsBeforeData + 1, let bytesPerRow = Int(parts[fieldsBeforeData - 1].trimmingCharacters(in: .whitespaces)),
            bytesPerRow > 0
        else { return nil }
        let data = parts[fieldsBeforeData].prefix { $0 != "^" && $0 != "~" }
        self.bytesPerRow = bytesPerRow
        self.bytes = Self.decode(data, bytesPerRow: bytesPerRow)
    }

    /// The image as a PBM (P4) file, which zbarimg reads.
    public var pbm: Data {
        Data("P4\n\(bytesPerRow * 8) \(bytes.count / bytesPerRow)\n".utf8) + Data(bytes)
    }

    private static func decode(_ text: Substring, bytesPerRow: Int) -> [UInt8] {
        let rowDigits = bytesPerRow * 2
        var rows: [[UInt8]] = []
        var row: [UInt8] = []  // hex digits of the row being read
        var count = 0
        func finishRow() {
            rows.append(row)
            row = []
        }
        for character in text.unicodeScalars {
            switch character {
            case "G"..."Y": count += Int(character.value - Unicode.Scalar("G").value) + 1
            case "g"..."z": count += (Int(character.value - Unicode.Scalar("g").value) + 1) * 20
            case ",", "!":
                row += Array(repeating: character == "," ? 0 : 15, count: max(0, rowDigits - row.count))
                finishRow()
            case ":":
                row = rows.last ?? Array(repeating: 0, count: rowDigits)
                finishRow()
            default:
                guard let digit = UInt8(String(character), radix: 16) else { continue }  // newlines and spaces
                row += Array(repeating: digit, count: max(count, 1))
                count = 0
                while row.count >= rowDigits {
                    let rest = Array(row[rowDigits...])
                    row = Array(row[..<rowDigits])
                    finishRow()
                    row = rest
                }
            }
            if character == "," || character == "!" || character == ":" { count = 0 }
        }
        return rows.flatMap { digits in
            stride(from: 0, to: digits.count - 1, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
        }
    }
}
