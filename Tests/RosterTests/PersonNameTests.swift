import Roster
import Testing

@Suite struct PersonNameTests {
    @Test(arguments: [
        ("LĪGA OZOLIŅA", "LV", "Līga Ozoliņa"),
        ("YILMAZ", "TR", "Yılmaz"),
        ("MEHMET YILMAZ", "TR", "Mehmet Yılmaz"),
        ("İLKNUR IŞIK", "TR", "İlknur Işık"),
        ("ELŞƏN ƏLİYEV", "AZ", "Elşən Əliyev"),
        ("YILMAZ", "DE", "Yilmaz"),
        ("SABINE VON GROSS-LÜDENSCHEIDT", "DE", "Sabine von Gross-Lüdenscheidt"),
        ("JAN VAN DER BERG", "NL", "Jan van der Berg"),
        ("JAN VAN DAMME", "BE", "Jan Van Damme"),
        ("MARIA DA SILVA", "PT", "Maria da Silva"),
        ("IBRAHIM BIN ABDULLAH", "MY", "Ibrahim bin Abdullah"),
        ("SEAN O'BRIEN", "IE", "Sean O'Brien"),
        ("ANGELO D'ANGELO", "IT", "Angelo D'Angelo"),
        ("RONALD MCDONALD", "US", "Ronald McDonald"),
        ("HAMISH MACLEOD", "GB", "Hamish MacLeod"),
        ("JOÃO MACHADO", "PT", "João Machado"),
        ("MACIEJ NOWAK", "PL", "Maciej Nowak"),
        ("ΝΙΚΟΛΑΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ", "GR", "Νικολαος Παπαδοπουλος"),
        ("Anna von Trapp", "AT", "Anna von Trapp"),
        ("ლევან ბერიძე", "GE", "ლევან ბერიძე"),
    ])
    func namesTypedInCapitalsAreRecasedByTheRulesOfTheirLanguage(_ typed: String, _ country: String, _ shown: String) {
        #expect(PersonName.displayCase(typed, country: country) == shown)
    }

    @Test(arguments: [
        ("Anna  Popa", "Anna Popa"), (" Anna Popa ", "Anna Popa"), ("Anna\tPopa", "Anna Popa"),
        ("Anna\u{A0}Popa", "Anna Popa"), ("Anna\u{2003}Popa", "Anna Popa"), ("Anna\u{3000}Popa", "Anna Popa"),
        ("Anna\u{1680}Popa", "Anna Popa"), ("ლევან\u{A0}ბერიძე", "ლევან ბერიძე"), ("ლევან ბერიძე", "ლევან ბერიძე"),
        ("Nguyễn Văn", "Nguyễn Văn"), ("Ana\u{200B}Popa", "Ana\u{200B}Popa"), ("Anna\u{85}Popa", "Anna Popa"),
        ("Anna\u{205F}Popa", "Anna Popa"), ("Anna\u{B}Popa", "Anna Popa"), ("Anna\u{C}Popa", "Anna Popa"),
    ])
    func runsOfAnyWhitespaceInANameBecomeOneSpace(_ typed: String, _ kept: String) {
        #expect(PersonName.collapsingWhitespace(typed) == kept)
    }
}
