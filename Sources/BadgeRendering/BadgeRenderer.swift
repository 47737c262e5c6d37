internal import CPangoCairo
public import Foundation
public import Roster

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
    ///   smaller than 0.5 mm; `templateError` for a QR box too small. Nothing is written then.
    @discardableResult
    public func render(_ badge: BadgeContent, format: RenderFormat, to url: URL) throws -> [TextFit] {
        switch format {
        case .pdf:
            let canvas = try CairoCanvas(pdfAt: url, width: template.label.width, height: template.label.height)
            let fits: [TextFit]
            do {
                fits = try draw(badge, on: canvas)
            } catch {
                try? FileManager.default.removeItem(at: url)
                throw error
            }
            canvas.showPage()
            try canvas.finish()
            return fits
        case .png(let dpi):
            let canvas = try CairoCanvas(imageWidth: template.label.width, height: template.label.height, dpi: dpi)
            let fits = try draw(badge, on: canvas)
            try canvas.writePNG(to: url)
            return fits
        case .zpl:
            let canvas = try CairoCanvas(imageWidth: template.label.width, height: template.label.height, dpi: template.dpi)
            let fits = try draw(badge, on: canvas)
            try Data(ZPLGraphic.label(canvas.oneBitRows()).utf8).write(to: url)
            return fits
        }
    }

    /// Renders `badges` as one PDF, a page each. A badge that cannot be rendered gets no page and its error in
    /// the results; the others are drawn.
    /// - Parameter progress: Called after each badge with (done, total).
    /// - Returns: For each badge in order, how its texts were fitted, or why it could not be rendered.
    /// - Throws: ``LanyardError`` when the document itself cannot be written, or no badge could be rendered.
    public func renderPDF(
        _ badges: [BadgeContent], to url: URL, progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> [Result<[TextFit], LanyardError>] {
        let canvas = try CairoCanvas(pdfAt: url, width: template.label.width, height: template.label.height)
        var results: [Result<[TextFit], LanyardError>] = []
        for (index, badge) in badges.enumerated() {
            do {
                results.append(.success(try draw(badge, on: canvas)))
                canvas.showPage()
            } catch let error as LanyardError {
                results.append(.failure(error))
            }
            progress(index + 1, badges.count)
        }
        try canvas.finish()
        if !results.contains(where: { (try? $0.get()) != nil }) {
            try? FileManager.default.removeItem(at: url)
            if case .failure(let error) = results.first { throw error }
        }
        return results
    }

    /// Renders specimen badges in `format` (``BadgeSpecimens``: the letters of the five scripts delegates' names come
    /// in) and throws them away: the fonts are found and each glyph drawn at the label's resolution before the first delegate's
    /// badge, which otherwise takes several times as long (up to 50 ms for a label printer's first badges). A
    /// specimen no installed font can print is skipped.
    public func prepare(_ format: RenderFormat) {
        let dpi: Int
        switch format {
        case .zpl: dpi = template.dpi
        case .png(let resolution): dpi = resolution
        case .pdf:
            // A PDF's fonts are its own (no hinting, outlines kept for embedding): prepared on a PDF thrown away.
            guard let canvas = try? CairoCanvas(discardedPDFWidth: template.label.width, height: template.label.height) else { return }
            for specimen in BadgeSpecimens.contents where (try? draw(specimen, on: canvas)) != nil { canvas.showPage() }
            try? canvas.finish()
            return
        }
        for specimen in BadgeSpecimens.contents {
            guard let canvas = try? CairoCanvas(imageWidth: template.label.width, height: template.label.height, dpi: dpi) else { return }
            _ = try? draw(specimen, on: canvas)
        }
    }

    /// What one badge puts on the label, planned in full (texts fitted and checked, QR encoded, images read)
    /// before anything is painted: a badge that fails leaves no mark.
    private enum Mark {
        case fill(BadgeTemplate.Box, Colour)
        case text(TextLayout, x: Double, y: Double, Colour)
        case qr(QRSymbol, in: BadgeTemplate.Box)
        case image(PNGImage, in: BadgeTemplate.Box)
    }

    /// Plans the marks needing no font (QR code, images) first, then the texts and the painting with the process's
    /// font map, whose lock is held only for those: the layouts made live in the marks until painted.
    private func draw(_ badge: BadgeContent, on canvas: CairoCanvas) throws -> [TextFit] {
        var planned: [Int: Mark] = [:]
        for (index, element) in template.elements.enumerated() {
            switch element {
            case .qr(let box): planned[index] = .qr(try planQR(badge.code, in: box), in: box)
            case .image(let image): planned[index] = .image(try PNGImage(contentsOf: image.file, template: template.name), in: image.box)
            case .band, .text: break
            }
        }
        return try FontMap.shared.withFontMap { fontMap in
            var marks: [Mark] = []
            var fits: [TextFit] = []
            for (index, element) in template.elements.enumerated() {
                switch element {
                case .band(let band):
                    let colour = band.colours[badge.category] ?? band.colours["default"] ?? Colour(hex: "#000000")!
                    marks.append(.fill(band.box, template.isMonochrome ? colour.monochrome : colour))
                case .text(let text):
                    if let (mark, fit) = try plan(text, badge.text(for: text.format), on: canvas, fontMap: fontMap) {
                        marks.append(mark)
                        fits.append(fit)
                    }
                case .qr, .image:
                    // Planned above, or the badge has failed already.
                    marks.append(planned[index]!)
                }
            }
            marks.forEach { paint($0, on: canvas) }
            return fits
        }
    }

    private func paint(_ mark: Mark, on canvas: CairoCanvas) {
        canvas.draw { cr in
            switch mark {
            case .fill(let box, let colour):
                cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue)
                cairo_rectangle(cr, box.x, box.y, box.width, box.height)
                cairo_fill(cr)
            case .text(let layout, let x, let y, let colour):
                cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue)
                cairo_move_to(cr, x, y)
                layout.show(on: cr)
            case .qr(let symbol, let box):
                paintQR(symbol, in: box, scale: canvas.isRaster ? canvas.scale : nil, cr)
            case .image(let image, let box):
                let scale = min(box.width / image.width, box.height / image.height)
                cairo_translate(cr, box.x, box.y)
                cairo_scale(cr, scale, scale)
                cairo_set_source_surface(cr, image.surface, 0, 0)
                cairo_paint(cr)
            }
        }
    }

    /// Shrinks to the minimum size, then wraps up to the allowed lines, then ellipsises.
    private func plan(
        _ element: BadgeTemplate.Text, _ text: String, on canvas: CairoCanvas, fontMap: UnsafeMutablePointer<PangoFontMap>
    ) throws -> (Mark, TextFit)? {
        guard !text.isEmpty else { return nil }
        return try canvas.draw { cr in
            let layout = TextLayout(context: cr, fontMap: fontMap)
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
                chosen = Self.largest(of: sizes) {
                    setSize($0)
                    return fits(lines: lines)
                }
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
                    remedy: "Install fonts-noto-core (or a font with these letters), or correct the name.")
            }
            // Glyphs may overhang their advance (a J's hook, an accent): nudge the ink back inside the box.
            let ink = layout.inkRectangle
            let left = box.x + Self.origin(inkStart: ink.x, inkLength: ink.width, boxLength: box.width, preferred: 0)
            let top =
                box.y
                + Self.origin(
                    inkStart: ink.y, inkLength: ink.height, boxLength: box.height,
                    preferred: max(0, (box.height - layout.logicalSize.height) / 2))
            let fit = TextFit(
                element: element.format, text: text, points: chosen!, adjustments: adjustments,
                box: .init(x: box.x, y: box.y, width: box.width, height: box.height),
                ink: .init(x: left + ink.x, y: top + ink.y, width: ink.width, height: ink.height))
            return (.text(layout, x: left, y: top, template.isMonochrome ? element.colour.monochrome : element.colour), fit)
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

    /// Encodes the QR code and checks that its modules print at 0.5 mm or more at the printer's resolution.
    private func planQR(_ code: String, in box: BadgeTemplate.Box) throws -> QRSymbol {
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
        return symbol
    }

    /// Paints the QR code with its four-module quiet zone; on a raster, modules are whole pixels.
    private func paintQR(_ symbol: QRSymbol, in box: BadgeTemplate.Box, scale: Double?, _ cr: OpaquePointer) {
        let modules = Double(symbol.width + 8)
        let module = scale.map { (box.width * $0 / modules).rounded(.down) / $0 } ?? box.width / modules
        let origin = (x: box.x + (box.width - module * modules) / 2 + 4 * module, y: box.y + (box.height - module * modules) / 2 + 4 * module)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_rectangle(cr, box.x, box.y, box.width, box.height)
        cairo_fill(cr)
        cairo_set_source_rgb(cr, 0, 0, 0)
        guard scale != nil else {
            paintQRMask(symbol, at: origin, module: module, cr)
            return
        }
        // One rectangle per horizontal run of dark modules.
        for y in 0..<symbol.width {
            var x = 0
            while x < symbol.width {
                guard symbol.isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                let start = x
                while x < symbol.width && symbol.isDark(x: x, y: y) { x += 1 }
                cairo_rectangle(cr, origin.x + Double(start) * module, origin.y + Double(y) * module, Double(x - start) * module, module)
            }
        }
        cairo_fill(cr)
    }

    /// Paints a QR code into a vector document as a mask of one pixel per module, scaled without smoothing: a few
    /// hundred bytes in the PDF where rectangles would write a thousand coordinates (most of a batch's time).
    private func paintQRMask(_ symbol: QRSymbol, at origin: (x: Double, y: Double), module: Double, _ cr: OpaquePointer) {
        let mask = cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(symbol.width), Int32(symbol.width))!
        defer { cairo_surface_destroy(mask) }
        let stride = Int(cairo_image_surface_get_stride(mask))
        let pixels = cairo_image_surface_get_data(mask)!
        for y in 0..<symbol.width {
            for x in 0..<symbol.width { pixels[y * stride + x] = symbol.isDark(x: x, y: y) ? 0xFF : 0 }
        }
        cairo_surface_mark_dirty(mask)
        let pattern = cairo_pattern_create_for_surface(mask)!
        defer { cairo_pattern_destroy(pattern) }
        cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST)
        cairo_save(cr)
        cairo_translate(cr, origin.x, origin.y)
        cairo_scale(cr, module, module)
        cairo_mask(cr, pattern)
        cairo_restore(cr)
    }
}
