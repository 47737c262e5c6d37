/// Badges holding the letters of the scripts delegates' names arrive in: the Latin alphabet with the diacritics of
/// Europe's languages, and the Cyrillic, Greek, Armenian and Georgian (with its capitals) alphabets, in names of
/// twelve letters, which fit a name's box at its largest size. Rendered once as a station starts
/// (``BadgeRenderer/prepare(_:)``), never printed; a name shrunk to fit draws its glyphs at a smaller size itself.
enum BadgeSpecimens {
    private static let alphabets = [
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ",
        "ĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĪīĮįİıĴĵĶķĹĺĻļĽľŁłŃńŅņŇňŌōŐőŒœŔŕŘřŚśŜŝŞşŠšŢţŤťŪūŬŭŮůŰűŲųŴŵŶŷŹźŻżŽžȘșȚțƏə",
        "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяЁёЄєІіЇїЎўЂђЈјЉљЊњЋћЏџЃѓЌќЅѕҐґ",
        "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψωάέήίόύώςϊϋΐΰΆΈΉΊΌΎΏ",
        "ԱԲԳԴԵԶԷԸԹԺԻԼԽԾԿՀՁՂՃՄՅՆՇՈՉՊՋՌՍՎՏՐՑՒՓՔՕՖաբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆև",
        "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
        "ᲐᲑᲒᲓᲔᲕᲖᲗᲘᲙᲚᲛᲜᲝᲞᲟᲠᲡᲢᲣᲤᲥᲦᲧᲨᲩᲪᲫᲬᲭᲮᲯᲰ",
    ]

    /// One badge per twelve letters, as two words of six, in every text field a template may show.
    static let contents: [BadgeContent] = alphabets.flatMap { alphabet in
        stride(from: 0, to: alphabet.count, by: 12).map { start in
            let letters = Array(alphabet.dropFirst(start).prefix(12))
            let name = String(letters.prefix(6)) + " " + String(letters.dropFirst(6))
            let fields = [
                "name", "latinName", "givenName", "familyName", "title", "organisation", "country", "countryName", "category",
                "reference", "event", "days",
            ]
            var content = BadgeContent(
                fields: Dictionary(uniqueKeysWithValues: fields.map { ($0, name) }), category: "", code: "SPECIMEN")
            content.fields["categoryName"] = name.uppercased()
            return content
        }
    }
}
