/// An sRGB colour from `#RRGGBB`.
public struct Colour: Sendable, Equatable {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        red = Double((value >> 16) & 0xFF) / 255
        green = Double((value >> 8) & 0xFF) / 255
        blue = Double(value & 0xFF) / 255
    }

    /// Black or white, whichever a one-colour printer should print for this colour.
    public var monochrome: Colour {
        let luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
        return Colour(hex: luminance < 0.5 ? "#000000" : "#FFFFFF")!
    }
}
