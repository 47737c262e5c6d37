import Roster
import Testing

@Suite struct NameFolderTests {
    let folder = NameFolder()

    @Test(arguments: [
        ("Żółć", "zolc"), ("Jørgensen", "jorgensen"), ("Łukasz", "lukasz"), ("Straße", "strasse"), ("Đorđević", "dordevic"),
        ("Yıldız", "yildiz"), ("Ævar", "aevar"), ("Þórður", "thordur"), ("Borġ", "borg"), ("Əliyev", "eliyev"),
        ("Brzęczyszczykiewicz", "brzeczyszczykiewicz"), ("Țăranu", "taranu"), ("O'Brien", "o'brien"),
        ("Nguyễn", "nguyen"), ("Ḥasan", "hasan"), ("Jose\u{301}", "jose"), ("Mu\u{308}ller", "muller"),
    ])
    func latinNamesFoldToPlainLowerCaseASCII(name: String, folded: String) {
        #expect(folder.spellings(of: Substring(name)).first == folded)
    }

    @Test(arguments: [
        ("Шевченко", "shevchenko"), ("Шевченко", "sevcenko"), ("Παπαδοπούλου", "papadopoulou"), ("Коваленко", "kovalenko"),
        ("ბერიძე", "beridze"), ("Հովհաննիսյան", "hovhannisyan"), ("Петровић", "petrovic"), ("Müller", "mueller"),
        ("Əliyev", "aliyev"), ("Jean-Luc", "jean-luc"), ("Jean-Luc", "jeanluc"), ("Mu\u{308}ller", "mueller"),
        ("\u{1C91}ერიძე", "beridze"),  // a Georgian capital (Mtavruli), as a registration system's title case gives
    ])
    func wordsHaveEveryCommonSpelling(name: String, spelling: String) {
        #expect(folder.spellings(of: Substring(name)).contains(spelling))
    }
}
