/// How a keyboard-wedge scanner's key codes become characters: the layout the scanner believes the host has.
/// A layout mismatch is the most common scanner fault, so the station's layout must match the scanner's.
public enum KeyboardLayout: String, Sendable, CaseIterable, Codable {
    case us, de, fr

    /// The character Linux key `code` types, with or without Shift, or nil for keys that type nothing.
    public func character(forKey code: UInt16, shifted: Bool) -> Character? {
        guard let pair = table[code] else { return nil }
        return shifted ? pair.shifted : pair.plain
    }

    private typealias Pair = (plain: Character, shifted: Character)

    private var table: [UInt16: Pair] {
        switch self {
        case .us: Self.usKeys
        case .de: Self.deKeys
        case .fr: Self.frKeys
        }
    }

    /// Key codes of the letter keys by their US legend (`KEY_Q` = 16 …).
    private static let letterKeys: [Character: UInt16] = [
        "q": 16, "w": 17, "e": 18, "r": 19, "t": 20, "y": 21, "u": 22, "i": 23, "o": 24, "p": 25, "a": 30, "s": 31, "d": 32,
        "f": 33, "g": 34, "h": 35, "j": 36, "k": 37, "l": 38, "z": 44, "x": 45, "c": 46, "v": 47, "b": 48, "n": 49, "m": 50,
    ]

    private static func letters(swapping swaps: [Character: Character] = [:]) -> [UInt16: Pair] {
        Dictionary(
            uniqueKeysWithValues: letterKeys.map { legend, code in
                let letter = swaps[legend] ?? legend
                return (code, (letter, Character(letter.uppercased())))
            })
    }

    private static let common: [UInt16: Pair] = [57: (" ", " "), 28: ("\r", "\r"), 15: ("\t", "\t"), 96: ("\r", "\r")]

    private static let usKeys: [UInt16: Pair] = letters().merging(common) { a, _ in a }.merging([
        2: ("1", "!"), 3: ("2", "@"), 4: ("3", "#"), 5: ("4", "$"), 6: ("5", "%"), 7: ("6", "^"), 8: ("7", "&"), 9: ("8", "*"),
        10: ("9", "("), 11: ("0", ")"), 12: ("-", "_"), 13: ("=", "+"), 26: ("[", "{"), 27: ("]", "}"), 39: (";", ":"),
        40: ("'", "\""), 41: ("`", "~"), 43: ("\\", "|"), 51: (",", "<"), 52: (".", ">"), 53: ("/", "?"),
    ]) { a, _ in a }

    private static let deKeys: [UInt16: Pair] = letters(swapping: ["y": "z", "z": "y"]).merging(common) { a, _ in a }.merging([
        2: ("1", "!"), 3: ("2", "\""), 4: ("3", "§"), 5: ("4", "$"), 6: ("5", "%"), 7: ("6", "&"), 8: ("7", "/"), 9: ("8", "("),
        10: ("9", ")"), 11: ("0", "="), 12: ("ß", "?"), 13: ("´", "`"), 26: ("ü", "Ü"), 27: ("+", "*"), 39: ("ö", "Ö"),
        40: ("ä", "Ä"), 41: ("^", "°"), 43: ("#", "'"), 51: (",", ";"), 52: (".", ":"), 53: ("-", "_"), 86: ("<", ">"),
    ]) { a, _ in a }

    private static let frKeys: [UInt16: Pair] = letters(swapping: ["q": "a", "a": "q", "w": "z", "z": "w", "m": ","])
        .merging(common) { a, _ in a }.merging([
            2: ("&", "1"), 3: ("é", "2"), 4: ("\"", "3"), 5: ("'", "4"), 6: ("(", "5"), 7: ("-", "6"), 8: ("è", "7"),
            9: ("_", "8"), 10: ("ç", "9"), 11: ("à", "0"), 12: (")", "°"), 13: ("=", "+"), 26: ("^", "¨"), 27: ("$", "£"),
            39: ("m", "M"), 40: ("ù", "%"), 41: ("²", "²"), 43: ("*", "µ"), 50: (",", "?"), 51: (";", "."), 52: (":", "/"),
            53: ("!", "§"), 86: ("<", ">"),
        ]) { _, new in new }
}
