import CICU

/// One of ICU's transliterators (`Russian-Latin/BGN`), opened by its ID or made of rules, and closed with this object.
///
/// Called directly rather than through Foundation's `applyingTransform`, which bridges every word to an `NSString`
/// and looks its transliterator up by name on each call: a large import romanises tens of thousands of words. Not
/// for two threads at once; ``TransliteratorPool`` lends each to one thread at a time (hence `@unchecked Sendable`).
final class ICUTransliterator: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer

    /// Opens the transliterator `id`; nil when ICU has none by that ID.
    init?(id: String) {
        let units = Array(id.utf16)
        guard let handle = lanyard_transliterator_open(units, Int32(units.count)) else { return nil }
        self.handle = handle
    }

    /// Opens a transliterator made of ICU transform `rules`, named `id`; nil when ICU cannot parse them.
    init?(id: String, rules: String) {
        let units = Array(id.utf16), ruleUnits = Array(rules.utf16)
        guard let handle = lanyard_transliterator_open_rules(units, Int32(units.count), ruleUnits, Int32(ruleUnits.count)) else {
            return nil
        }
        self.handle = handle
    }

    deinit {
        lanyard_transliterator_close(handle)
    }

    /// `text` transliterated; nil when ICU fails.
    func transliterate(_ text: String) -> String? {
        let length = text.utf16.count
        // Romanising rarely triples a word's length; when it does, ICU says how much room it needs.
        var capacity = max(length * 3, 16)
        while true {
            var result: Int32 = 0
            let buffer = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
                _ = buffer.initialize(fromContentsOf: text.utf16)
                result = lanyard_transliterator_transliterate(handle, buffer.baseAddress!, Int32(length), Int32(capacity))
                count = result < 0 || result > capacity ? 0 : Int(result)
            }
            guard result >= 0 else { return nil }
            guard result <= capacity else {
                capacity = Int(result)
                continue
            }
            return Self.string(buffer)
        }
    }

    /// The text of UTF-16 `units`, copied byte by byte when it is ASCII (romanised names nearly always are), which
    /// costs a fraction of transcoding.
    private static func string(_ units: [UInt16]) -> String {
        guard units.allSatisfy({ $0 < 0x80 }) else { return String(decoding: units, as: UTF16.self) }
        return String(unsafeUninitializedCapacity: units.count) { bytes in
            for (offset, unit) in units.enumerated() { bytes[offset] = UInt8(truncatingIfNeeded: unit) }
            return units.count
        }
    }
}
