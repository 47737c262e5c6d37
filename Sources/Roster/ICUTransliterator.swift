import CICU

/// One of ICU's transliterators (`Russian-Latin/BGN`), opened by its ID and closed with this object.
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

    deinit {
        lanyard_transliterator_close(handle)
    }

    /// `text` transliterated; nil when ICU fails.
    func transliterate(_ text: String) -> String? {
        let units = Array(text.utf16)
        // Romanising rarely triples a word's length; when it does, ICU says how much room it needs.
        var capacity = max(units.count * 3, 16)
        while true {
            var buffer = units + [UInt16](repeating: 0, count: capacity - units.count)
            let length = Int(lanyard_transliterator_transliterate(handle, &buffer, Int32(units.count), Int32(capacity)))
            guard length >= 0 else { return nil }
            guard length <= capacity else {
                capacity = length
                continue
            }
            return String(decoding: buffer[..<length], as: UTF16.self)
        }
    }
}
