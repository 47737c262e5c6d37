import Foundation
import Synchronization

/// Turns names in any script and spelling into the lower-case ASCII spellings search compares.
///
/// Latin names lose their diacritics (`Żółć` → `zolc`), with a table of its own for letters that do not decompose
/// (`Ł ø đ ı ß æ þ ð ħ œ ə`); German umlauts also give their `ae oe ue` spelling. Names in Cyrillic, Greek, Armenian
/// and Georgian are transliterated with ICU twice: in the English-language (BGN/PCGN, UNGEGN) romanisation that
/// passports and registration forms use (`Шевченко` → `shevchenko`) and in ICU's scholarly one (`sevcenko`).
/// Results are cached per word, so folding a large roster costs one transliteration per distinct word.
public final class NameFolder: Sendable {
    private let cache = Mutex<[Substring: Spellings]>([:])

    /// A word's spellings as a whole, and those of its parts when it has several (`Jean-Luc`: `jean`, `luc`).
    private struct Spellings {
        var whole: [String] = []
        var parts: [String] = []
    }

    public init() {}

    /// The words of `text` as typed in a query, each with its spellings, primary first.
    public func words(of text: String) -> [[String]] {
        Self.split(text).map { spellings(of: $0) }.filter { !$0.isEmpty }
    }

    /// All spellings of all words of `text` and of their parts, without repeats, in a stable order: what a
    /// roster entry is found by.
    public func allSpellings(of text: String) -> [String] {
        var seen = Set<String>()
        return Self.split(text)
            .flatMap { word in
                let spellings = cachedSpellings(of: word)
                return spellings.whole + spellings.parts
            }
            .filter { seen.insert($0).inserted }
    }

    /// The spellings under which one whole word may be searched, primary first.
    public func spellings(of word: Substring) -> [String] {
        cachedSpellings(of: word).whole
    }

    private func cachedSpellings(of word: Substring) -> Spellings {
        if let cached = cache.withLock({ $0[word] }) { return cached }
        let result = computeSpellings(of: String(word))
        cache.withLock { $0[word] = result }
        return result
    }

    private func computeSpellings(of word: String) -> Spellings {
        var spellings = Spellings()
        func add(_ candidate: String, to list: WritableKeyPath<Spellings, [String]> = \.whole) {
            let trimmed = Self.trimmingJoiners(candidate)
            if !trimmed.isEmpty, !spellings[keyPath: list].contains(trimmed) { spellings[keyPath: list].append(trimmed) }
        }
        for romanised in romanisations(of: word) {
            let folded = Self.foldLatin(romanised)
            add(folded)
            if folded.contains(where: Self.joiners.contains) {
                add(folded.filter { !Self.joiners.contains($0) })
                folded.split(whereSeparator: Self.joiners.contains).forEach { add(String($0), to: \.parts) }
            }
        }
        if word.contains(where: { "äöüÄÖÜ".contains($0) }) {
            add(Self.foldLatin(word.replacing(/[äÄ]/, with: "ae").replacing(/[öÖ]/, with: "oe").replacing(/[üÜ]/, with: "ue")))
        }
        if word.contains(where: { "əƏ".contains($0) }) {
            add(Self.foldLatin(word.replacing(/[əƏ]/, with: "a")))
        }
        return spellings
    }

    private func romanisations(of word: String) -> [String] {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return [word] }
        let transforms: [String] = switch Script.dominant(in: word) {
        case .latin: []
        case .cyrillic: ["Russian-Latin/BGN", "Ukrainian-Latin/BGN", "Any-Latin"]
        case .greek: ["Greek-Latin/UNGEGN", "Greek-Latin/BGN", "Any-Latin"]
        case .armenian: ["Armenian-Latin/BGN", "Any-Latin"]
        case .georgian: ["Georgian-Latin/BGN", "Any-Latin"]
        case .other: ["Any-Latin"]
        }
        guard !transforms.isEmpty else { return [word] }
        return transforms.compactMap { id in
            guard let latin = word.applyingTransform(StringTransform(id), reverse: false) else { return nil }
            // A transform for one language may leave another's letters (Belarusian і under Russian rules).
            return Script.dominant(in: latin) == .latin
                ? latin : latin.applyingTransform(StringTransform("Any-Latin"), reverse: false)
        }
    }

    /// Lower-case ASCII for a Latin-script word: diacritics removed, special letters spelled out.
    static func foldLatin(_ word: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(word.unicodeScalars.count)
        var needsICU = false
        for scalar in word.unicodeScalars {
            if scalar.isASCII {
                out.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value)).lowercasedASCII)
            } else if let spelled = specialLetters[scalar] {
                out += spelled
            } else {
                out.unicodeScalars.append(scalar)
                needsICU = true
            }
        }
        guard needsICU else { return out }
        let ascii = out.applyingTransform(StringTransform("Latin-ASCII"), reverse: false) ?? out
        return ascii.lowercased()
    }

    /// The words of `text`: runs of letters, digits, marks and the joiners `- ' . @ _`.
    private static func split(_ text: String) -> [Substring] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: split on bytes, without grapheme breaking.
            return text.utf8.split(whereSeparator: { byte in
                !(0x30...0x39 ~= byte || 0x41...0x5A ~= byte || 0x61...0x7A ~= byte || "-'.@_".utf8.contains(byte))
            }).map { Substring($0) }
        }
        return text.split(whereSeparator: { !isWordCharacter($0) })
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "'" || character == "’"
            || character == "." || character == "@" || character == "_" || character == "ʼ"
            || character.unicodeScalars.contains { $0.properties.generalCategory == .nonspacingMark }
    }

    private static let joiners: Set<Character> = ["-", "'", "’", ".", "ʼ", "_"]

    private static func trimmingJoiners(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !joiners.contains($0) }),
            let last = text.lastIndex(where: { !joiners.contains($0) })
        else { return "" }
        return String(text[first...last])
    }

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
