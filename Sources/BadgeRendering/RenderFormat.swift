/// The files a badge renders to.
public enum RenderFormat: Sendable, Equatable {
    /// Vector PDF with fonts embedded, for CUPS.
    case pdf
    /// A PNG preview at `dpi`.
    case png(dpi: Int)
    /// ZPL for raw Zebra queues: a one-bit `^GF` graphic at the template's dpi.
    case zpl

    /// The format a file name asks for (`.pdf`, `.png`, `.zpl`), or nil.
    public init?(fileExtension: String, dpi: Int = 300) {
        switch fileExtension.lowercased() {
        case "pdf": self = .pdf
        case "png": self = .png(dpi: dpi)
        case "zpl": self = .zpl
        default: return nil
        }
    }
}
