/// Badges holding every letter of the scripts delegates' names arrive in: Latin with Europe's diacritics, Cyrillic,
/// Greek, Armenian and Georgian, in names of twelve letters, which fit a name's box at its largest size. Rendered
/// once as a station starts (``BadgeRenderer/prepare(_:)``), never printed.
enum BadgeSpecimens {
    private static let alphabets = [
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ",
        "ĀāĂăĄąĆćČčĎďĐđĒēĖėĘęĚěĞğĢģĪīĮįİıĶķĹĺĻļĽľŁłŃńŅņŇňŌōŐőŒœŔŕŘřŚśŞşŠšŢţŤťŪūŮůŰűŲųŹźŻżŽžȘșȚțƏə",
        "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяЁёЄєІіЇїЎўЂђЈјЉљЊњЋћЏџЃѓЌќЅѕҐґ",
        "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψωάέήίόύώςϊϋΐΰΆΈΉΊΌΎΏ",
        "ԱԲԳԴԵԶԷԸԹԺԻԼԽԾԿՀՁՂՃՄՅՆՇՈՉՊՋՌՍՎՏՐՑՒՓՔՕՖաբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆև",
        "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
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
