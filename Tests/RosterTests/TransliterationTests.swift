import Roster
import Testing

@Suite struct TransliterationTests {
    @Test(arguments: [
        ("Тарас Шевченко", "UA", "Taras Shevchenko"), ("Ђорђе Ђорђевић", "RS", "Đorđe Đorđević"),
        ("გიორგი ბერიძე", "GE", "Giorgi Beridze"), ("Ana Popa", "RO", "Ana Popa"),
    ])
    func aNameInAnotherScriptGetsTheLatinLineItsCountrysPassportsUse(name: String, country: String, latin: String) {
        #expect(Transliteration.latin(name, country: country) == latin)
    }
}
