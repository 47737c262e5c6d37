public import Foundation

/// How stations write to each other: as ``StationJSON``, with times as ISO 8601 to the millisecond, rounded (the
/// precision the store keeps), so that an entry's time is the same at every station and every station orders the
/// merged log alike. (Foundation's ISO 8601 style truncates, which would move half of all times by a millisecond.)
public enum SyncJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(text(of: date))
        }
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = date(from: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(text) is not an ISO 8601 time in UTC.")
            }
            return date
        }
        return decoder
    }

    /// `2027-03-09T13:45:07.918Z`, from the time rounded to the millisecond.
    static func text(of date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1_000).rounded())
        let seconds = milliseconds.quotientAndRemainder(dividingBy: 1_000)
        let (whole, fraction) = seconds.remainder < 0 ? (seconds.quotient - 1, seconds.remainder + 1_000) : seconds
        let text = Date(timeIntervalSince1970: TimeInterval(whole)).formatted(Date.ISO8601FormatStyle())
        return text.dropLast() + String(format: ".%03dZ", fraction)
    }

    /// The time of `2027-03-09T13:45:07.918Z` (or without the milliseconds).
    static func date(from text: String) -> Date? {
        guard text.hasSuffix("Z") else { return nil }
        let parts = text.dropLast().split(separator: ".", maxSplits: 1)
        guard let seconds = try? Date.ISO8601FormatStyle().parse(parts[0] + "Z") else { return nil }
        let fraction = parts.count == 2 ? Int(parts[1].prefix(3).padding(toLength: 3, withPad: "0", startingAt: 0)) : 0
        guard let fraction else { return nil }
        let milliseconds = Int64(seconds.timeIntervalSince1970.rounded()) * 1_000 + Int64(fraction)
        return Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1_000)
    }
}
