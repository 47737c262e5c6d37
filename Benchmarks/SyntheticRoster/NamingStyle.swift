import Foundation

/// How names are made up in a group of countries: the script's consonants and vowels, each with the Latin
/// letters a registration form would give for it, and the endings family names take. Names come from random
/// syllables, so a benchmark's roster shares no name with the sample conference the code was tuned on.
struct NamingStyle: Sendable {
    /// A sound as written in the style's script, and in plain Latin letters.
    struct Letter: Sendable {
        let native: String
        let latin: String
    }

    let countries: [String]
    let isLatin: Bool
    let consonants: [Letter]
    let vowels: [Letter]
    let familyEndings: [Letter]

    /// `"ш=sh ч=ch"`: letters as `native=latin`, or a Latin letter alone, folded for its Latin spelling.
    init(_ countries: String, latin isLatin: Bool, consonants: String, vowels: String, endings: String) {
        self.countries = countries.split(separator: " ").map(String.init)
        self.isLatin = isLatin
        self.consonants = Self.letters(consonants)
        self.vowels = Self.letters(vowels)
        familyEndings = Self.letters(endings)
    }

    private static func letters(_ list: String) -> [Letter] {
        list.split(separator: " ").map { item in
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            return Letter(native: parts[0], latin: parts.count == 2 ? parts[1] : plain(parts[0]))
        }
    }

    /// A Latin letter without its diacritics, as an email address or a passport's machine line has it.
    private static func plain(_ letters: String) -> String {
        let special: [Character: String] = ["ł": "l", "ß": "ss", "ø": "o", "æ": "ae", "þ": "th", "ð": "d", "đ": "d", "ı": "i", "ə": "e"]
        let spelled = letters.map { special[$0] ?? String($0) }.joined()
        return spelled.applyingTransform(.stripDiacritics, reverse: false) ?? spelled
    }

    /// Every country of the sample conference, by the script and letters its names use.
    static let all: [NamingStyle] = [
        NamingStyle(
            "RU UA BY", latin: false,
            consonants: "б=b в=v г=g д=d ж=zh з=z к=k л=l м=m н=n п=p р=r с=s т=t ф=f х=kh ц=ts ч=ch ш=sh щ=shch",
            vowels: "а=a е=e и=i о=o у=u ы=y я=ya ю=yu і=i", endings: "ов=ov ова=ova енко=enko ин=in ский=skiy ук=uk чук=chuk"),
        NamingStyle(
            "BG RS MK", latin: false, consonants: "б=b в=v г=g д=d ж=zh з=z к=k л=l м=m н=n п=p р=r с=s т=t х=h ц=ts ч=ch ш=sh ј=j",
            vowels: "а=a е=e и=i о=o у=u ъ=a", endings: "ов=ov ова=ova ски=ski ић=ic евић=evic ев=ev"),
        NamingStyle(
            "GR CY", latin: false, consonants: "β=v γ=g δ=d ζ=z θ=th κ=k λ=l μ=m ν=n ξ=x π=p ρ=r σ=s τ=t φ=f χ=ch",
            vowels: "α=a ε=e η=i ι=i ο=o ω=o ου=ou ά=a έ=e ί=i ό=o", endings: "όπουλος=opoulos άκης=akis ίδης=idis ίου=iou άτος=atos"),
        NamingStyle(
            "AM", latin: false,
            consonants: "բ=b գ=g դ=d զ=z թ=t ժ=zh լ=l խ=kh կ=k հ=h մ=m ն=n շ=sh պ=p ռ=r ս=s վ=v տ=t ր=r ց=ts ք=k",
            vowels: "ա=a ե=e ի=i ո=o ու=u է=e", endings: "յան=yan ունի=uni յանց=yants"),
        NamingStyle(
            "GE", latin: false,
            consonants: "ბ=b გ=g დ=d ვ=v ზ=z თ=t კ=k ლ=l მ=m ნ=n პ=p რ=r ს=s ტ=t ფ=p ქ=k შ=sh ჩ=ch ც=ts ძ=dz ხ=kh ჯ=j",
            vowels: "ა=a ე=e ი=i ო=o უ=u", endings: "შვილი=shvili ძე=dze ია=ia ავა=ava ანი=ani"),
        NamingStyle(
            "PL", latin: true, consonants: "b c ć ch cz d dz f g h j k l ł m n ń p r rz s ś sz t w z ź ż", vowels: "a ą e ę i o ó u y",
            endings: "ski ska cki wicz ak czyk ek"),
        NamingStyle(
            "CZ SK", latin: true, consonants: "b c č d ď f g h ch j k l m n ň p r ř s š t ť v z ž", vowels: "a á e é ě i í o ó u ú ů y ý",
            endings: "ová ek ík ák ský"),
        NamingStyle(
            "HR SI BA ME", latin: true, consonants: "b c č ć d đ dž f g h j k l lj m n nj p r s š t v z ž", vowels: "a e i o u",
            endings: "ić ović ec ar"),
        NamingStyle(
            "DE AT CH LI LU", latin: true, consonants: "b d f g h k l m n p r s sch st t w z ß", vowels: "a ä e i o ö u ü ei au",
            endings: "mann er bach berg hofer"),
        NamingStyle(
            "DK NO SE FI IS", latin: true, consonants: "b d f g h j k l m n p r s t v þ ð", vowels: "a å ä e i o ö ø æ u y",
            endings: "sen son dóttir nen berg"),
        NamingStyle("FR BE MC", latin: true, consonants: "b c ç d f g j l m n p r s t v", vowels: "a e é è ê ë i o u", endings: "eau ier ault in"),
        NamingStyle(
            "ES PT IT SM VA MT", latin: true, consonants: "b c d f g l m n ñ p r s t v z", vowels: "a ã à e i o õ ò u", endings: "ez es ini elli ino"),
        NamingStyle("HU", latin: true, consonants: "b cs d f g gy h k l m n ny p r s sz t v zs", vowels: "a á e é i ő ö u ű ü", endings: "i ás ös"),
        NamingStyle("RO MD", latin: true, consonants: "b c d f g l m n p r s ș t ț v z", vowels: "a ă â e i î o u", endings: "escu eanu an"),
        NamingStyle(
            "LT LV EE", latin: true, consonants: "b č d g ģ j k ķ l ļ m n ņ p r s š t v z ž", vowels: "a ā ą e ē ė ę i ī į o õ u ū ų",
            endings: "as is ius s ne"),
        NamingStyle("TR AZ", latin: true, consonants: "b c ç d g ğ h k l m n p r s ş t v y z", vowels: "a e ə ı i o ö u ü", endings: "oğlu ov lı er"),
        NamingStyle("AL", latin: true, consonants: "b c ç d dh f g gj h j k l m n p r s sh t th v xh z", vowels: "a e ë i o u y", endings: "aj i ku"),
        NamingStyle(
            "GB IE NL", latin: true, consonants: "b c d f g h j k l m n p r s t v w", vowels: "a e i o u ea oo",
            endings: "son ton ley man ford"),
    ]

    /// The style of `country`, or the English-language one.
    static func of(_ country: String) -> NamingStyle {
        all.first { $0.countries.contains(country) } ?? all[all.count - 1]
    }
}
