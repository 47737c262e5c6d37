internal import CPangoCairo
public import Foundation
import Roster

/// A printable A4 list (the roll-call for an evacuation): a title, a line under it, and a table whose header repeats
/// on every page, each page numbered. Text is shaped by Pango, so names print right in every script.
public struct TableDocument: Sendable {
    public struct Column: Sendable {
        public var title: String
        /// The column's share of the page's width.
        public var weight: Double

        public init(_ title: String, weight: Double) {
            self.title = title
            self.weight = weight
        }
    }

    public var title: String
    public var subtitle: String
    public var columns: [Column]
    public var rows: [[String]]

    public init(title: String, subtitle: String, columns: [Column], rows: [[String]]) {
        self.title = title
        self.subtitle = subtitle
        self.columns = columns
        self.rows = rows
    }

    private static let (pageWidth, pageHeight, margin) = (210.0, 297.0, 15.0)
    private static let rowHeight = 6.2
    private static let family = "Noto Sans"

    /// Writes the document as a PDF at `url`.
    /// - Throws: ``LanyardError`` `renderFailure` when Cairo cannot write it.
    public func writePDF(to url: URL) throws {
        let canvas = try CairoCanvas(pdfAt: url, width: Self.pageWidth, height: Self.pageHeight)
        let usable = Self.pageWidth - 2 * Self.margin
        let total = columns.reduce(0) { $0 + $1.weight }
        let widths = columns.map { usable * $0.weight / total }
        let firstRowY = Self.margin + 24
        let perPage = max(1, Int((Self.pageHeight - Self.margin - 8 - firstRowY) / Self.rowHeight))
        let pages = max(1, (rows.count + perPage - 1) / perPage)
        for page in 0..<pages {
            FontMap.shared.withFontMap { fontMap in
                canvas.draw { context in
                    let layout = TextLayout(context: context, fontMap: fontMap)
                    write(title, at: (Self.margin, Self.margin), width: usable, points: 15, bold: true, layout, context)
                    write(subtitle, at: (Self.margin, Self.margin + 8), width: usable, points: 9, bold: false, layout, context)
                    var x = Self.margin
                    for (column, width) in zip(columns, widths) {
                        write(column.title, at: (x, firstRowY - Self.rowHeight), width: width - 2, points: 8.5, bold: true, layout, context)
                        x += width
                    }
                    rule(at: firstRowY - 0.6, width: usable, context)
                    for (index, row) in rows.dropFirst(page * perPage).prefix(perPage).enumerated() {
                        let y = firstRowY + Double(index) * Self.rowHeight
                        if index % 2 == 1 { shade(at: y, width: usable, context) }
                        var x = Self.margin
                        for (cell, width) in zip(row, widths) {
                            write(cell, at: (x, y + 0.8), width: width - 2, points: 8.5, bold: false, layout, context)
                            x += width
                        }
                    }
                    write(
                        "Page \(page + 1) of \(pages)", at: (Self.margin, Self.pageHeight - Self.margin), width: usable, points: 8, bold: false,
                        layout, context, alignment: .right)
                }
            }
            canvas.showPage()
        }
        try canvas.finish()
    }

    private func write(
        _ text: String, at point: (x: Double, y: Double), width: Double, points: Double, bold: Bool, _ layout: TextLayout,
        _ context: OpaquePointer, alignment: BadgeTemplate.Alignment = .left
    ) {
        layout.configure(text: text, family: Self.family, bold: bold, points: points, width: width, alignment: alignment)
        layout.ellipsize(toLines: 1)
        cairo_set_source_rgb(context, 0.07, 0.09, 0.15)
        cairo_move_to(context, point.x, point.y)
        layout.show(on: context)
    }

    private func rule(at y: Double, width: Double, _ context: OpaquePointer) {
        cairo_set_source_rgb(context, 0.3, 0.3, 0.3)
        cairo_set_line_width(context, 0.3)
        cairo_move_to(context, Self.margin, y)
        cairo_line_to(context, Self.margin + width, y)
        cairo_stroke(context)
    }

    private func shade(at y: Double, width: Double, _ context: OpaquePointer) {
        cairo_set_source_rgb(context, 0.95, 0.95, 0.96)
        cairo_rectangle(context, Self.margin, y, width, Self.rowHeight)
        cairo_fill(context)
    }
}
