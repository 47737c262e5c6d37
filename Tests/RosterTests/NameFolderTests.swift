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

    @Test(arguments: [
        ("Шамрай", "shamrai"), ("Юлия", "iuliia"), ("Плюнкова", "pliunkova"), ("Виктория", "viktoriia"),
        ("Щербаков", "shcherbakov"), ("Євгенія", "ievgeniia"), ("Подъячев", "podieiachev"), ("Ільїн", "ilin"),
    ])
    func cyrillicWordsHaveThePassportSpelling(name: String, spelling: String) {
        #expect(folder.spellings(of: Substring(name)).contains(spelling))
    }

    @Test(arguments: [
        ("Jean-Luc O’Brien, Ana", ["jean-luc", "o'brien", "ana"]), ("Jose\u{301} (Ma)", ["jose", "ma"]),
        ("ana.popa@mai.gov.ro; R-1", ["ana.popa@mai.gov.ro", "r-1"]), ("Шевченко/Ђорђевић", ["shevchenko", "dordevic"]),
        ("Ძოე × 2", ["dzoe", "2"]), ("  ", []),
    ])
    func aTextSplitsIntoItsWordsAtAnythingButLettersDigitsMarksAndJoiners(text: String, primary: [String]) {
        #expect(folder.words(of: text).map { $0.first ?? "" } == primary)
    }
}
