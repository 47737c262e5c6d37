/// Substring search on UTF-8 bytes: the folded spellings search compares are ASCII, and this runs for many words
/// per query, where `String.contains` costs far more.
enum ByteSearch {
    /// Whether `haystack` contains `needle` (an empty needle is in everything).
    static func contains(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= haystack.count else { return false }
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count && haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    /// Whether `haystack` begins with `prefix`.
    static func starts(_ haystack: UnsafeBufferPointer<UInt8>, with prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        prefix.count <= haystack.count && (0..<prefix.count).allSatisfy { haystack[$0] == prefix[$0] }
    }
}
