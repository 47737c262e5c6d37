/// A one-bit image as a ZPL label: the whole label as one `^GF` graphic field, hex-encoded (ASCII), so a raw
/// Zebra queue prints exactly the pixels rendered.
enum ZPLGraphic {
    static func label(width: Int, height: Int, isDark: [Bool]) -> String {
        let bytesPerRow = (width + 7) / 8
        var hex = ""
        hex.reserveCapacity(bytesPerRow * height * 2)
        let digits = Array("0123456789ABCDEF")
        for y in 0..<height {
            for byteIndex in 0..<bytesPerRow {
                var byte = 0
                for bit in 0..<8 {
                    let x = byteIndex * 8 + bit
                    if x < width, isDark[y * width + x] { byte |= 0x80 >> bit }
                }
                hex.append(digits[byte >> 4])
                hex.append(digits[byte & 0xF])
            }
        }
        let total = bytesPerRow * height
        return "^XA^PW\(width)^LL\(height)^FO0,0^GFA,\(total),\(total),\(bytesPerRow),\(hex)^FS^XZ\n"
    }
}
