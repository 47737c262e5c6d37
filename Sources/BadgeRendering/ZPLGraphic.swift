/// A one-bit image as a ZPL label: the whole label as one `^GF` graphic field, hex-encoded (ASCII), so a raw
/// Zebra queue prints exactly the pixels rendered.
enum ZPLGraphic {
    static func label(_ image: OneBitImage) -> String {
        let total = image.bits.count
        let digits = Array("0123456789ABCDEF".utf8)
        let hex = String(unsafeUninitializedCapacity: total * 2) { buffer in
            for (offset, byte) in image.bits.enumerated() {
                buffer[offset * 2] = digits[Int(byte >> 4)]
                buffer[offset * 2 + 1] = digits[Int(byte & 0xF)]
            }
            return total * 2
        }
        return "^XA^PW\(image.width)^LL\(image.height)^FO0,0^GFA,\(total),\(total),\(image.bytesPerRow),\(hex)^FS^XZ\n"
    }
}
