/// The romanisation of Cyrillic that Russian and Belarusian passports print (ICAO Doc 9303, since 2014: `Юлия` →
/// `iuliia`, `Шамрай` → `shamrai`, `Плюнкова` → `pliunkova`). ICU ships no such transform, so these are its rules, run
/// by ICU; the BGN/PCGN romanisations give the other spellings a desk may read (`yuliya`, `shamray`). Ukraine's own
/// system (2010) spells й, ю, я inside a word as these rules do and г, и as its BGN/PCGN romanisation does: a word
/// with one letter of each kind (`Григорій`, `hryhorii`) is one letter from a folded spelling, which a slip search
/// finds; one with more (`Кияниця`, `kyianytsia`) is not found by that spelling.
enum PassportRomanisation {
    /// The ID the transform is opened under.
    static let id = "Cyrillic-Latin/ICAO"

    /// The transform's ICU rules: lower case first, then ICAO's table letter by letter (the soft sign is dropped).
    static let rules = """
        :: Lower ;
        а > a ; б > b ; в > v ; г > g ; ґ > g ; д > d ; ѓ > g ; ђ > d ; е > e ; ё > e ; є > ie ; ж > zh ; з > z ;
        ѕ > dz ; и > i ; і > i ; ї > i ; й > i ; ј > j ; к > k ; л > l ; љ > lj ; м > m ; н > n ; њ > nj ; о > o ;
        п > p ; р > r ; с > s ; т > t ; ћ > c ; ќ > k ; у > u ; ў > u ; ф > f ; х > kh ; ц > ts ; ч > ch ; џ > dz ;
        ш > sh ; щ > shch ; ъ > ie ; ы > y ; ь > ; э > e ; ю > iu ; я > ia ;
        """
}
