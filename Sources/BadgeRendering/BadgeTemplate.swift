public import Foundation
import Roster
import Yams

/// A badge layout for one label stock, read from a YAML file in `Templates/badges/`.
///
/// Sizes and positions are in millimetres, font sizes in points. Elements are drawn in order: colour bands by
/// category, text bound to fields (`"{name}"`, `"{categoryName} · {country}"`) that shrinks, wraps and at last is
/// ellipsised to fit its box, the QR code, and PNG images such as a logo.
public struct BadgeTemplate: Sendable, Equatable {
    public struct Size: Decodable, Sendable, Equatable {
        public var width: Double
        public var height: Double
    }

    /// A rectangle on the label, in millimetres from the top left corner.
    public struct Box: Decodable, Sendable, Equatable {
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double
    }

    public struct Text: Sendable, Equatable {
        /// The text with `{field}` placeholders.
        public var format: String
        public var box: Box
        public var font: String
        public var isBold: Bool
        public var maximumSize: Double
        public var minimumSize: Double
        public var maximumLines: Int
        public var alignment: Alignment
        public var colour: Colour
    }

    public enum Alignment: String, Decodable, Sendable { case left, center, right }

    public struct Band: Sendable, Equatable {
        public var box: Box
        /// Colour per category code, with `default` for the rest.
        public var colours: [String: Colour]
    }

    public struct Image: Sendable, Equatable {
        public var box: Box
        /// A PNG file, relative to the template's folder.
        public var file: URL
    }

    public enum Element: Sendable, Equatable {
        case text(Text)
        case band(Band)
        case qr(Box)
        case image(Image)
    }

    public var name: String
    public var label: Size
    public var orientation: String
    /// The target printer's resolution, for rasters and for the QR module size check.
    public var dpi: Int
    /// Whether the stock prints one colour only (thermal labels): colours become black.
    public var isMonochrome: Bool
    public var elements: [Element]

    /// The fields a text may name.
    public static let fields: Set<String> = [
        "name", "latinName", "givenName", "familyName", "title", "organisation", "country", "countryName", "category",
        "categoryName", "reference", "event", "days",
    ]

    /// Loads and checks the template at `url`.
    /// - Throws: ``LanyardError`` `templateError` naming the file, the element and the reason.
    public init(contentsOf url: URL) throws {
        let file = url.lastPathComponent
        let document: TemplateDocument
        do {
            document = try YAMLDecoder().decode(TemplateDocument.self, from: String(contentsOf: url, encoding: .utf8))
        } catch {
            throw LanyardError(.templateError, "The badge template \(file) cannot be read: \(error).", cause: error)
        }
        name = document.name
        label = document.label
        orientation = document.orientation ?? (label.width >= label.height ? "landscape" : "portrait")
        dpi = document.dpi ?? 300
        isMonochrome = document.monochrome ?? false
        elements = try document.elements.enumerated().map { index, element in
            try element.resolved(file: file, index: index + 1, label: document.label, folder: url.deletingLastPathComponent())
        }
        try checkFonts(file: file)
    }

    private func checkFonts(file: String) throws {
        for case .text(let text) in elements where !FontCatalogue.hasFamily(text.font) {
            throw LanyardError(
                .templateError, "The badge template \(file) uses the font “\(text.font)”, which is not installed.",
                remedy: "Install it (fonts-noto-core brings Noto Sans) or name another family.")
        }
    }
}
