internal import CPangoCairo
import Foundation
import Roster

/// A Pango layout on a Cairo context: shapes text in any script with real fonts and measures it.
///
/// Owns the `PangoLayout` and its font description and frees them in `deinit`. Units are millimetres (the
/// context's), font sizes points.
final class TextLayout {
    private let layout: OpaquePointer
    private var font: OpaquePointer?

    /// A layout for `context` with fonts from `fontMap` (``FontMap``, whose lock must be held while this lives).
    init(context: OpaquePointer, fontMap: UnsafeMutablePointer<PangoFontMap>) {
        let pangoContext = pango_font_map_create_context(fontMap)
        pango_cairo_update_context(context, pangoContext)
        layout = pango_layout_new(pangoContext)
        g_object_unref(UnsafeMutableRawPointer(pangoContext))
        // One user unit is one millimetre: 25.4 of them to the inch. Glyphs are placed where the font puts them:
        // Pango would otherwise round each position to a whole unit, a whole millimetre here, and space letters
        // unevenly (a PDF read back as text then has words cut in two).
        pango_cairo_context_set_resolution(pango_layout_get_context(layout), 25.4)
        pango_context_set_round_glyph_positions(pango_layout_get_context(layout), 0)
        pango_layout_context_changed(layout)
    }

    deinit {
        if let font { pango_font_description_free(font) }
        g_object_unref(UnsafeMutableRawPointer(layout))
    }

    func configure(text: String, family: String, bold: Bool, points: Double, width: Double, alignment: BadgeTemplate.Alignment) {
        if let font { pango_font_description_free(font) }
        font = pango_font_description_new()
        pango_font_description_set_family(font, family)
        pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_size(font, Int32(points * Double(PANGO_SCALE)))
        pango_layout_set_font_description(layout, font)
        pango_layout_set_text(layout, text, -1)
        pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_NONE)
        pango_layout_set_height(layout, -1)
        let pangoAlignment: PangoAlignment =
            switch alignment {
            case .left: PANGO_ALIGN_LEFT
            case .center: PANGO_ALIGN_CENTER
            case .right: PANGO_ALIGN_RIGHT
            }
        pango_layout_set_alignment(layout, pangoAlignment)
    }

    /// Cuts the text to `lines` lines with an ellipsis at the end.
    func ellipsize(toLines lines: Int) {
        pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
        pango_layout_set_height(layout, Int32(-lines))
    }

    var lineCount: Int { Int(pango_layout_get_line_count(layout)) }
    var isEllipsized: Bool { pango_layout_is_ellipsized(layout) != 0 }
    /// Characters no installed font could show (they would print as boxes).
    var unknownGlyphCount: Int { Int(pango_layout_get_unknown_glyphs_count(layout)) }

    /// The logical size (what the layout occupies) in millimetres.
    var logicalSize: (width: Double, height: Double) {
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        return (Double(logical.width) / Double(PANGO_SCALE), Double(logical.height) / Double(PANGO_SCALE))
    }

    /// Where ink falls, relative to the layout's origin, in millimetres.
    var inkRectangle: (x: Double, y: Double, width: Double, height: Double) {
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        let s = Double(PANGO_SCALE)
        return (Double(ink.x) / s, Double(ink.y) / s, Double(ink.width) / s, Double(ink.height) / s)
    }

    func show(on context: OpaquePointer) {
        pango_cairo_update_layout(context, layout)
        pango_cairo_show_layout(context, layout)
    }
}
