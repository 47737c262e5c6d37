internal import CPangoCairo

/// The font families fontconfig offers Pango on this machine.
enum FontCatalogue {
    private static let families: Set<String> = {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
        var count: Int32 = 0
        // A font map of its own, freed once the names are read: the names are read from Pango's objects, which may
        // not outlive the shared map's lock, and reading a template never waits for a badge being laid out.
        let fontMap = pango_cairo_font_map_new()
        defer { g_object_unref(fontMap) }
        pango_font_map_list_families(fontMap, &list, &count)
        defer { g_free(list) }
        guard let list else { return [] }
        return Set((0..<Int(count)).compactMap { list[$0].map { String(cString: pango_font_family_get_name($0)).lowercased() } })
    }()

    static func hasFamily(_ name: String) -> Bool {
        families.contains(name.lowercased())
    }
}
