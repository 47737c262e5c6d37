/// A one-bit image: rows of `bytesPerRow` bytes, eight pixels to a byte, leftmost in the high bit, 1 for dark.
struct OneBitImage: Sendable {
    let width: Int
    let height: Int
    let bytesPerRow: Int
    let bits: [UInt8]
}
