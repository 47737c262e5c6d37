import Foundation

/// ISO 3166-1 alpha-2 codes, and the English names exports sometimes give instead.
enum CountryCodes {
    static let codes: Set<String> = Set(Locale.Region.isoRegions.map(\.identifier).filter { $0.count == 2 })
        .union(["XK"])

    private static let byName: [String: String] = {
        let english = Locale(identifier: "en")
        var names: [String: String] = [
            "uk": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
            "kosovo": "XK", "czech republic": "CZ", "turkey": "TR", "russia": "RU",
        ]
        for code in codes {
            if let name = english.localizedString(forRegionCode: code) { names[name.lowercased()] = code }
        }
        return names
    }()

    /// The alpha-2 code for `text` (a code in any case, or an English country name), or nil.
    static func code(for text: String) -> String? {
        if codes.contains(text) { return text }
        let upper = text.uppercased()
        if codes.contains(upper) { return upper }
        return byName[text.lowercased()]
    }
}
