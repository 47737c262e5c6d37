import Synchronization

/// Turns names in any script and spelling into the lower-case ASCII spellings search compares.
///
/// Latin names lose their diacritics (`Żółć` → `zolc`), with a table of its own for letters that do not decompose
/// (`Ł ø đ ı ß æ þ ð ħ œ ə`); German umlauts also give their `ae oe ue` spelling. Names in Cyrillic, Greek, Armenian
/// and Georgian are transliterated with ICU: in the English-language (BGN/PCGN, UNGEGN) romanisations that
/// registration forms use (`Шевченко` → `shevchenko`), Cyrillic also as passports print it (``PassportRomanisation``:
/// `Юлия` → `iuliia`), and in ICU's scholarly one (`sevcenko`).
/// Results are cached per word, so folding a large roster costs one transliteration per distinct word.
public final class NameFolder: Sendable {
    /// Keyed by the word's bytes: hashing them is far cheaper than hashing a non-ASCII string (which normalises).
    private let cache = Mutex<[[UInt8]: Spellings]>([:])

    /// A word's spellings as a whole, and those of its parts when it has several (`Jean-Luc`: `jean`, `luc`).
    private struct Spellings {
        var whole: [String] = []
        var parts: [String] = []

        /// Adds a folded (lower-case) spelling without the joiners at its ends, and when it has joiners inside and
        /// `splittingJoiners`, also without them and each of its parts.
        mutating func add(folded: String, splittingJoiners: Bool = true) {
            var folded = folded
            folded.withUTF8 { add(bytes: $0, splittingJoiners: splittingJoiners) }
        }

        private mutating func add(bytes: UnsafeBufferPointer<UInt8>, splittingJoiners: Bool) {
            guard let first = bytes.firstIndex(where: { !isJoiner($0) }), let last = bytes.lastIndex(where: { !isJoiner($0) })
            else { return }
            let trimmed = UnsafeBufferPointer(rebasing: bytes[first...last])
            Self.add(String(decoding: trimmed, as: UTF8.self), to: &whole)
            guard splittingJoiners, trimmed.contains(where: isJoiner) else { return }
            let joined = String(unsafeUninitializedCapacity: trimmed.count) { buffer in
                var count = 0
                for byte in trimmed where !isJoiner(byte) {
                    buffer[count] = byte
                    count += 1
                }
                return count
            }
            Self.add(joined, to: &whole)
            var start = 0
            for index in 0...trimmed.count where index == trimmed.count || isJoiner(trimmed[index]) {
                if index > start { Self.add(String(decoding: UnsafeBufferPointer(rebasing: trimmed[start..<index]), as: UTF8.self), to: &parts) }
                start = index + 1
            }
        }

        private static func add(_ spelling: String, to list: inout [String]) {
            if !list.contains(spelling) { list.append(spelling) }
        }
    }

    public init() {}

    /// Whether `scalar` is a Georgian capital (Mtavruli).
    public static func isGeorgianCapital(_ scalar: Unicode.Scalar) -> Bool {
        (0x1C90...0x1CBF).contains(scalar.value)
    }

    /// Folds a name in every script once, so that ICU's transliterators are open before the first desk types:
    /// opening one costs up to a few milliseconds, once per borrower of ``TransliteratorPool``.
    public static func openTransliterators() {
        _ = NameFolder().allSpellings(of: "Łódź Müller Шевченко Ђорђевић Σηδέάτ Տոսի ძოე")
    }

    /// The words of `text` as typed in a query, each with its spellings, primary first.
    public func words(of text: String) -> [[String]] {
        Self.split(text).map { spellings(of: $0) }.filter { !$0.isEmpty }
    }

    /// All spellings of all words of `texts` and of their parts, without repeats, in a stable order: what a
    /// roster entry is found by.
    public func allSpellings(of texts: String...) -> [String] {
        var all: [String] = []
        for text in texts {
            for word in Self.split(text) {
                let spellings = cachedSpellings(of: word)
                // A handful per delegate: a linear check beats hashing.
                for spelling in spellings.whole where !all.contains(spelling) { all.append(spelling) }
                for spelling in spellings.parts where !all.contains(spelling) { all.append(spelling) }
            }
        }
        return all
    }

    /// The spellings under which one whole word may be searched, primary first.
    public func spellings(of word: Substring) -> [String] {
        cachedSpellings(of: word).whole
    }

    private func cachedSpellings(of word: Substring) -> Spellings {
        // ASCII words fold cheaply, and references and emails, unique to each delegate, would only fill the cache.
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return Self.asciiSpellings(of: word) }
        let key = Array(word.utf8)
        if let cached = cache.withLock({ $0[key] }) { return cached }
        let result = computeSpellings(of: String(word))
        cache.withLock { $0[key] = result }
        return result
    }

    /// The spellings of a non-ASCII word: each romanisation folded, and the German and Azerbaijani alternatives.
    private func computeSpellings(of word: String) -> Spellings {
        var spellings = Spellings()
        // Georgian capitals (Mtavruli, which a registration system's title case gives `Ძოე`) are not in ICU's
        // Georgian rules; in lower case they are.
        let georgianInLowerCase = word.unicodeScalars.contains(where: Self.isGeorgianCapital) ? word.lowercased() : word
        for romanised in romanisations(of: georgianInLowerCase) {
            spellings.add(folded: Self.foldLatin(romanised))
        }
        // Scalars first: comparing them is far cheaper than comparing characters, which few words need.
        if word.unicodeScalars.contains(where: Self.mayBeUmlaut), word.contains(where: { "äöüÄÖÜ".contains($0) }) {
            let spelled = word.replacing(/[äÄ]/, with: "ae").replacing(/[öÖ]/, with: "oe").replacing(/[üÜ]/, with: "ue")
            spellings.add(folded: Self.foldLatin(spelled), splittingJoiners: false)
        }
        if word.unicodeScalars.contains(where: { $0 == "ə" || $0 == "Ə" }) {
            spellings.add(folded: Self.foldLatin(word.replacing(/[əƏ]/, with: "a")), splittingJoiners: false)
        }
        return spellings
    }

    /// Whether `scalar` is a German umlaut's letter, or the combining diaeresis that may spell one.
    private static func mayBeUmlaut(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "ä", "ö", "ü", "Ä", "Ö", "Ü", "\u{308}": true
        default: false
        }
    }

    /// The spellings of an ASCII word: lower case; without joiners too, and its parts, when it has them.
    private static func asciiSpellings(of word: Substring) -> Spellings {
        if !word.utf8.contains(where: isJoiner) { return Spellings(whole: [lowercasedASCII(word)]) }
        var spellings = Spellings()
        spellings.add(folded: lowercasedASCII(word))
        return spellings
    }

    /// An ASCII word in lower case, byte by byte (`lowercased()` would apply Unicode's rules to every letter).
    private static func lowercasedASCII(_ word: Substring) -> String {
        guard word.utf8.contains(where: { 0x41...0x5A ~= $0 }) else { return String(word) }
        return String(unsafeUninitializedCapacity: word.utf8.count) { buffer in
            for (offset, byte) in word.utf8.enumerated() { buffer[offset] = 0x41...0x5A ~= byte ? byte + 32 : byte }
            return word.utf8.count
        }
    }

    /// The transforms every word of `script` is romanised with, the primary first: ICU's, by their IDs, and
    /// ``PassportRomanisation``'s.
    public static func romanisations(for script: Script) -> [String] {
        switch script {
        case .latin: []
        case .cyrillic: ["Russian-Latin/BGN", "Ukrainian-Latin/BGN", PassportRomanisation.id, "Any-Latin"]
        case .greek: ["Greek-Latin/UNGEGN", "Greek-Latin/BGN", "Any-Latin"]
        case .armenian: ["Armenian-Latin/BGN", "Any-Latin"]
        case .georgian: ["Georgian-Latin/BGN", "Any-Latin"]
        case .other: ["Any-Latin"]
        }
    }

    private func romanisations(of word: String) -> [String] {
        let transforms = Self.romanisations(for: Script.dominant(in: word))
        guard !transforms.isEmpty else { return [word] }
        return TransliteratorPool.shared.withTransliterators { icu in
            transforms.compactMap { id in
                guard let latin = icu.transliterate(word, with: id) else { return nil }
                // A transform for one language may leave another's letters (Belarusian і under Russian rules).
                return Script.dominant(in: latin) == .latin ? latin : icu.transliterate(latin, with: "Any-Latin")
            }
        }
    }

    /// `text` through ICU's `Latin-ASCII`, or as it is when ICU fails.
    private static func latinASCII(_ text: String) -> String {
        TransliteratorPool.shared.withTransliterators { $0.transliterate(text, with: "Latin-ASCII") } ?? text
    }

    /// Lower-case ASCII for a Latin-script word: diacritics removed, special letters spelled out. Latin letters are
    /// looked up in ``latinLetters`` (ICU's `Latin-ASCII`, asked once per letter rather than once per word);
    /// anything else goes through ICU with its whole word.
    static func foldLatin(_ word: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(word.unicodeScalars.count)
        var needsICU = false
        for scalar in word.unicodeScalars {
            if scalar.isASCII {
                out.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value)).lowercasedASCII)
            } else if let spelled = latinLetters[scalar] {
                out += spelled
            } else if isCombiningDiacritic(scalar) {
                // A diacritic romanisation left apart from its letter (`k̲`): ICU's `Latin-ASCII` drops it after a
                // Latin letter only; this drops U+0300 to U+036F after anything (after `ʺ`, say).
                continue
            } else {
                out.unicodeScalars.append(scalar)
                needsICU = true
            }
        }
        guard needsICU else { return out }
        return latinASCII(out).lowercased()
    }

    /// The words of `text`: runs of letters, digits, marks and the joiners `- ' ’ ʼ . @ _`, split by Unicode
    /// scalar rather than by grapheme (the marks a grapheme adds are word characters anyway).
    private static func split(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var words: [Substring] = []
        var start: String.Index?
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            // A continuation byte belongs to the scalar before it, judged already.
            if byte & 0xC0 != 0x80 {
                if byte < 0x80 ? isWordByte(byte) : isWordScalar(text.unicodeScalars[index]) {
                    if start == nil { start = index }
                } else if let first = start {
                    words.append(Substring(text.unicodeScalars[first..<index]))
                    start = nil
                }
            }
            utf8.formIndex(after: &index)
        }
        if let first = start { words.append(Substring(text.unicodeScalars[first...])) }
        return words
    }

    /// Whether an ASCII byte belongs to a word: a letter, a digit or one of the joiners `- ' . @ _`.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x27, 0x2E, 0x40, 0x5F: true
        default: false
        }
    }

    /// Whether a non-ASCII scalar belongs to a word: the letters of the Latin, Greek, Cyrillic, Armenian and
    /// Georgian blocks without asking Unicode's tables, anything else by its category.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x388...0x38A, 0x38C, 0x38E...0x3A1, 0x3A3...0x3CE, 0x400...0x481,
            0x48A...0x52F, 0x531...0x556, 0x561...0x587, 0x10D0...0x10FA:
            return true
        default:
            break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
            .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return scalar == "’"
        }
    }

    /// Whether a byte of a folded word joins parts of it (`Jean-Luc`, `O'Brien`, `St.`): folding has already
    /// turned the typographic apostrophes into `'`.
    private static func isJoiner(_ byte: UInt8) -> Bool {
        byte == 0x2D || byte == 0x27 || byte == 0x2E || byte == 0x5F
    }

    /// Whether `scalar` is one of the combining diacritical marks (U+0300 to U+036F).
    private static func isCombiningDiacritic(_ scalar: Unicode.Scalar) -> Bool {
        (0x300...0x36F).contains(scalar.value)
    }

    /// The lower-case ASCII spelling of every letter of the Latin-1, Extended-A and Extended-B blocks, of the
    /// spacing modifier letters romanisations write (`ʺ ʻ ʼ`) and of Latin Extended Additional (`ṙ ḳ`): the special
    /// letters' own, ICU's `Latin-ASCII` for the rest (a letter ICU leaves as it is stays out, and its word goes
    /// through ICU whole).
    private static let latinLetters: [Unicode.Scalar: String] = {
        var letters = specialLetters
        let blocks: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x2B0...0x2FF, 0x1E00...0x1EFF]
        for value in blocks.joined() {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic, letters[scalar] == nil,
                case let ascii = latinASCII(String(scalar)).lowercased(), ascii.utf8.allSatisfy({ $0 < 0x80 })
            else { continue }
            letters[scalar] = ascii
        }
        return letters
    }()

    private static let specialLetters: [Unicode.Scalar: String] = [
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ı": "i", "ß": "ss", "ẞ": "ss", "æ": "ae",
        "Æ": "ae", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ħ": "h", "Ħ": "h", "œ": "oe", "Œ": "oe", "ŋ": "ng",
        "Ŋ": "ng", "ə": "e", "Ə": "e", "ʼ": "'", "’": "'",
    ]
}

extension Unicode.Scalar {
    fileprivate var lowercasedASCII: Unicode.Scalar {
        (0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 32)) : self
    }
}
