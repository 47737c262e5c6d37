/// The writing systems delegates' names arrive in.
public enum Script: Sendable, Equatable {
    case latin, greek, cyrillic, armenian, georgian, other

    /// The script a letter belongs to; marks, digits and punctuation count as Latin.
    public static func of(_ scalar: Unicode.Scalar) -> Script {
        switch scalar.value {
        case 0x0000...0x036F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF: .latin
        case 0x0370...0x03FF, 0x1F00...0x1FFF: .greek
        case 0x0400...0x052F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: .cyrillic
        case 0x0530...0x058F, 0xFB13...0xFB17: .armenian
        case 0x10A0...0x10FF, 0x1C90...0x1CBF, 0x2D00...0x2D2F: .georgian
        default: .other
        }
    }

    /// The first non-Latin script among the letters of `text`, or `.latin` when all are Latin.
    public static func dominant(in text: some StringProtocol) -> Script {
        // The block first: asking Unicode's tables whether a scalar is a letter costs more, and Latin needs no answer.
        for scalar in text.unicodeScalars {
            let script = of(scalar)
            if script != .latin, scalar.properties.isAlphabetic { return script }
        }
        return .latin
    }
}
