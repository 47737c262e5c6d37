/// Base45 (RFC 9285): bytes as characters of QR's alphanumeric set, so a QR code can store them in its compact
/// alphanumeric mode. Two bytes become three characters.
enum Base45 {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)
    private static let values: [UInt8: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 2 * 3 + 2)
        var index = 0
        while index + 1 < bytes.count {
            var n = Int(bytes[index]) * 256 + Int(bytes[index + 1])
            for _ in 0..<3 {
                out.append(alphabet[n % 45])
                n /= 45
            }
            index += 2
        }
        if index < bytes.count {
            let n = Int(bytes[index])
            out.append(alphabet[n % 45])
            out.append(alphabet[n / 45])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of `text`, or nil when it is not valid Base45.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let lookedUp: [Int?] = text.utf8.map { Self.values[$0] }
        guard !lookedUp.contains(nil), lookedUp.count % 3 != 1 else { return nil }
        let digits: [Int] = lookedUp.map { $0! }
        var out: [UInt8] = []
        var index = 0
        while index < digits.count {
            if index + 2 < digits.count {
                let n: Int = digits[index] + digits[index + 1] * 45 + digits[index + 2] * 2025
                guard n <= 0xFFFF else { return nil }
                out.append(UInt8(n >> 8))
                out.append(UInt8(n & 0xFF))
                index += 3
            } else {
                let n: Int = digits[index] + digits[index + 1] * 45
                guard n <= 0xFF else { return nil }
                out.append(UInt8(n))
                index += 2
            }
        }
        return out
    }
}
