internal import CPangoCairo
public import Foundation
import Roster

/// Draws badges from a template with Pango and Cairo: real text shaping for every script, the QR code with its
/// quiet zone, colour bands by category.
public struct BadgeRenderer: Sendable {
    public let template: BadgeTemplate

    public init(template: BadgeTemplate) {
        self.template = template
    }

    /// Renders one badge to `url` in `format`.
    /// - Returns: How each text was fitted.
    /// - Throws: ``LanyardError`` `renderFailure` when a text needs a glyph no font has, or the QR modules would be
    ///   smaller than 0.5 mm; `templateError` for a QR box too small.
    @discardableResult
    public func render(_ badge: BadgeContent, format: RenderFormat, to url: URL) throws -> [TextFit] {
        switch format {
        case .pdf:
            return try renderPDF([badge], to: url).first ?? []
        case .png(let dpi):
            let canvas = try CairoCanvas(imageWidth: template.label.width, height: template.label.height, dpi: dpi)
            let fits = try draw(badge, on: canvas)
            try canvas.writePNG(to: url)
            return fits
        case .zpl:
            let canvas = try CairoCanvas(imageWidth: template.label.width, height: template.label.height, dpi: template.dpi)
            let fits = try draw(badge, on: canvas)
            let pixels = canvas.darkPixels()
            try Data(ZPLGraphic.label(width: pixels.width, height: pixels.height, isDark: pixels.isDark).utf8).write(to: url)
            return fits
        }
    }

    /// Renders `badges` as one PDF, a page each.
    /// - Parameter progress: Called after each page with (done, total).
    public func renderPDF(_ badges: [BadgeContent], to url: URL, progress: (Int, Int) -> Void = { _, _ in }) throws -> [[TextFit]] {
        let canvas = try CairoCanvas(pdfAt: url, width: template.label.width, height: template.label.height)
        var fits: [[TextFit]] = []
        for (index, badge) in badges.enumerated() {
            fits.append(try draw(badge, on: canvas))
            canvas.showPage()
            progress(index + 1, badges.count)
        }
        try canvas.finish()
        return fits
    }

    private func draw(_ badge: BadgeContent, on canvas: CairoCanvas) throws -> [TextFit] {
        var fits: [TextFit] = []
        for element in template.elements {
            switch element {
            case .band(let band):
                fill(band.box, colour: band.colours[badge.category] ?? band.colours["default"] ?? Colour(hex: "#000000")!, on: canvas)
            case .text(let text):
                if let fit = try draw(text, badge.text(for: text.format), on: canvas) { fits.append(fit) }
            case .qr(let box):
                try drawQR(badge.code, in: box, on: canvas)
            case .image(let image):
                try drawImage(image, on: canvas)
            }
        }
        return fits
    }

    private func fill(_ box: BadgeTemplate.Box, colour: Colour, on canvas: CairoCanvas) {
        let colour = template.isMonochrome ? colour.monochrome : colour
        canvas.draw { cr in
            cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue)
            cairo_rectangle(cr, box.x, box.y, box.width, box.height)
            cairo_fill(cr)
        }
    }

    /// Shrinks to the minimum size, then wraps up to the allowed lines, then ellipsises.
    private func draw(_ element: BadgeTemplate.Text, _ text: String, on canvas: CairoCanvas) throws -> TextFit? {
        guard !text.isEmpty else { return nil }
        return try canvas.draw { cr in
            let layout = TextLayout(context: cr)
            let box = element.box
            func setSize(_ points: Double) {
                // Lines are broken a little short of the box, leaving room for glyphs that overhang their advance.
                layout.configure(
                    text: text, family: element.font, bold: element.isBold, points: points, width: box.width - Self.overhang,
                    alignment: element.alignment)
            }
            func fits(lines: Int) -> Bool {
                layout.lineCount <= lines && layout.logicalSize.height <= box.height + 0.01
            }
            let sizes = Array(stride(from: element.maximumSize, through: element.minimumSize, by: -0.5))
            var adjustments: [TextFit.Adjustment] = []
            var chosen: Double?
            for lines in Set([1, element.maximumLines]).sorted() {
                chosen = Self.largest(of: sizes) { setSize($0); return fits(lines: lines) }
                if let chosen {
                    setSize(chosen)
                    if lines > 1 && layout.lineCount > 1 { adjustments.append(.wrapped) }
                    break
                }
            }
            if chosen == nil {
                setSize(element.minimumSize)
                layout.ellipsize(toLines: element.maximumLines)
                while !fits(lines: element.maximumLines) && element.maximumLines > 1 {
                    layout.ellipsize(toLines: max(1, layout.lineCount - 1))
                    if layout.lineCount == 1 { break }
                }
                adjustments += layout.lineCount > 1 ? [.wrapped, .ellipsized] : [.ellipsized]
                chosen = element.minimumSize
            }
            if chosen! < element.maximumSize { adjustments.insert(.shrunk, at: 0) }
            guard layout.unknownGlyphCount == 0 else {
                throw LanyardError(
                    .renderFailure, "“\(text)” has \(layout.unknownGlyphCount) character(s) no installed font can print.",
                    remedy: "Install fonts-noto-core (or a font with these letters) before printing badges.")
            }
            let colour = template.isMonochrome ? element.colour.monochrome : element.colour
            cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue)
            // Glyphs may overhang their advance (a J's hook, an accent): nudge the ink back inside the box.
            let ink = layout.inkRectangle
            let left = box.x + Self.origin(inkStart: ink.x, inkLength: ink.width, boxLength: box.width, preferred: 0)
            let top = box.y + Self.origin(
                inkStart: ink.y, inkLength: ink.height, boxLength: box.height,
                preferred: max(0, (box.height - layout.logicalSize.height) / 2))
            cairo_move_to(cr, left, top)
            layout.show(on: cr)
            return TextFit(
                element: element.format, text: text, points: chosen!, adjustments: adjustments,
                box: .init(x: box.x, y: box.y, width: box.width, height: box.height),
                ink: .init(x: left + ink.x, y: top + ink.y, width: ink.width, height: ink.height))
        }
    }

    /// The first of `sizes` (largest first) that `fits`, found by bisection: text that fits at one size fits at
    /// every smaller one.
    private static func largest(of sizes: [Double], where fits: (Double) -> Bool) -> Double? {
        var low = 0, high = sizes.count
        while low < high {
            let middle = (low + high) / 2
            if fits(sizes[middle]) { high = middle } else { low = middle + 1 }
        }
        return low < sizes.count ? sizes[low] : nil
    }

    /// Room left at a line's end for glyph overhang, in millimetres.
    private static let overhang = 0.5

    /// Where to put a layout's origin along one axis (from the box's start) so that its ink, which starts
    /// `inkStart` from the origin, lies inside the box where it can; `preferred` when it already does.
    private static func origin(inkStart: Double, inkLength: Double, boxLength: Double, preferred: Double) -> Double {
        var origin = preferred
        if origin + inkStart < 0 { origin = -inkStart }
        if origin + inkStart + inkLength > boxLength { origin = max(-inkStart, boxLength - inkLength - inkStart) }
        return origin
    }

    private func drawQR(_ code: String, in box: BadgeTemplate.Box, on canvas: CairoCanvas) throws {
        let symbol = try QRSymbol(encoding: code)
        let modules = Double(symbol.width + 8)
        // At the printer's resolution a module is a whole number of dots; it must still be 0.5 mm or more.
        let printerDots = Double(template.dpi) / 25.4
        let printedModule = (box.width * printerDots / modules).rounded(.down) / printerDots
        guard printedModule >= 0.5 else {
            throw LanyardError(
                .templateError,
                "The QR box of \(template.name) is \(box.width) mm: at \(template.dpi) dpi its modules would be \(String(format: "%.2f", printedModule)) mm, under the 0.5 mm scanners need.",
                remedy: "Make the qr size at least \(Int((modules * 0.5).rounded(.up)) + 1) mm.")
        }
        let module = canvas.isRaster ? (box.width * canvas.scale / modules).rounded(.down) / canvas.scale : box.width / modules
        let origin = (x: box.x + (box.width - module * modules) / 2 + 4 * module, y: box.y + (box.height - module * modules) / 2 + 4 * module)
        canvas.draw { cr in
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_rectangle(cr, box.x, box.y, box.width, box.height)
            cairo_fill(cr)
            cairo_set_source_rgb(cr, 0, 0, 0)
            // One rectangle per horizontal run of dark modules.
            for y in 0..<symbol.width {
                var x = 0
                while x < symbol.width {
                    guard symbol.isDark(x: x, y: y) else { x += 1; continue }
                    let start = x
                    while x < symbol.width && symbol.isDark(x: x, y: y) { x += 1 }
                    cairo_rectangle(cr, origin.x + Double(start) * module, origin.y + Double(y) * module, Double(x - start) * module, module)
                }
            }
            cairo_fill(cr)
        }
    }

    private func drawImage(_ image: BadgeTemplate.Image, on canvas: CairoCanvas) throws {
        guard let surface = cairo_image_surface_create_from_png(image.file.path), cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw LanyardError(.templateError, "The image \(image.file.lastPathComponent) of \(template.name) cannot be read as PNG.")
        }
        defer { cairo_surface_destroy(surface) }
        let width = Double(cairo_image_surface_get_width(surface)), height = Double(cairo_image_surface_get_height(surface))
        let scale = min(image.box.width / width, image.box.height / height)
        canvas.draw { cr in
            cairo_translate(cr, image.box.x, image.box.y)
            cairo_scale(cr, scale, scale)
            cairo_set_source_surface(cr, surface, 0, 0)
            cairo_paint(cr)
        }
    }
}
