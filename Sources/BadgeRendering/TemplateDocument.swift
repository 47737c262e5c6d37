import Foundation
import Roster

/// The YAML shape of a badge template, before it is checked and resolved into a ``BadgeTemplate``.
struct TemplateDocument: Decodable {
    var name: String
    var label: BadgeTemplate.Size
    var orientation: String?
    var dpi: Int?
    var monochrome: Bool?
    var elements: [ElementDocument]

    struct FontSize: Decodable {
        var max: Double
        var min: Double?
    }

    struct QRBox: Decodable {
        var x: Double
        var y: Double
        var size: Double
    }

    struct ElementDocument: Decodable {
        var text: String?
        var band: BadgeTemplate.Box?
        var qr: QRBox?
        var image: String?
        var box: BadgeTemplate.Box?
        var font: String?
        var weight: String?
        var size: FontSize?
        var lines: Int?
        var align: BadgeTemplate.Alignment?
        var colour: String?
        var colours: [String: String]?

        func resolved(file: String, index: Int, label: BadgeTemplate.Size, folder: URL) throws -> BadgeTemplate.Element {
            func fail(_ reason: String) -> LanyardError {
                LanyardError(.templateError, "The badge template \(file), element \(index): \(reason)")
            }
            func inside(_ box: BadgeTemplate.Box) throws -> BadgeTemplate.Box {
                guard box.x >= 0, box.y >= 0, box.width > 0, box.height > 0,
                    box.x + box.width <= label.width + 0.01, box.y + box.height <= label.height + 0.01
                else { throw fail("its box lies outside the \(label.width) × \(label.height) mm label.") }
                return box
            }
            func parseColour(_ text: String) throws -> Colour {
                guard let colour = Colour(hex: text) else { throw fail("“\(text)” is not a colour; write #RRGGBB.") }
                return colour
            }
            if let format = text {
                guard let box else { throw fail("a text needs a box.") }
                for field in Self.placeholders(in: format) where !BadgeTemplate.fields.contains(field) {
                    throw fail("the field “\(field)” is unknown; fields are \(BadgeTemplate.fields.sorted().joined(separator: ", ")).")
                }
                let maximum = size?.max ?? 12
                let minimum = min(size?.min ?? maximum, maximum)
                return .text(
                    BadgeTemplate.Text(
                        format: format, box: try inside(box), font: font ?? "Noto Sans", isBold: weight == "bold",
                        maximumSize: maximum, minimumSize: minimum, maximumLines: max(lines ?? 1, 1),
                        alignment: align ?? .left, colour: try parseColour(colour ?? "#000000")))
            }
            if let band {
                let colours = try (colours ?? ["default": "#000000"]).mapValues { try parseColour($0) }
                return .band(BadgeTemplate.Band(box: try inside(band), colours: colours))
            }
            if let qr {
                return .qr(try inside(BadgeTemplate.Box(x: qr.x, y: qr.y, width: qr.size, height: qr.size)))
            }
            if let image {
                guard let box else { throw fail("an image needs a box.") }
                let url = folder.appendingPathComponent(image)
                guard FileManager.default.fileExists(atPath: url.path), url.pathExtension.lowercased() == "png" else {
                    throw fail("the image \(image) is missing or not a PNG.")
                }
                return .image(BadgeTemplate.Image(box: try inside(box), file: url))
            }
            throw fail("it is none of text, band, qr or image.")
        }

        static func placeholders(in format: String) -> [String] {
            format.matches(of: /\{([A-Za-z]+)\}/).map { String($0.1) }
        }
    }
}
