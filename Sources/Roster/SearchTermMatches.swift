/// The words of a ``SearchVocabulary`` that one typed word matches, with all its spellings, best kind of match
/// first: equal to a spelling, starting with one (name words before others), a whole name one typo away from the
/// primary spelling (when typos are allowed), containing a spelling (from three letters on), a name whose start is one
/// typo away.
///
/// Kept as ranges and short lists rather than gathered: a letter or two (or the start of a booking reference)
/// matches a large part of the vocabulary, and search visits only as many words as its candidates need.
struct SearchTermMatches {
    /// How a word matches a typed word, worst first.
    enum Kind {
        case typo, substring, prefix, exact
    }

    private let vocabulary: SearchVocabulary
    private let spellings: [[UInt8]]
    /// Per spelling, the words starting with it (sorted words: a range), and the one equal to it.
    private let prefixes: [Range<Int>]
    private let exact: [Int?]
    /// The words whose start is one typo away from the primary spelling, as ascending ranges; the name words among
    /// them match.
    private var typos: [Range<Int>]
    /// The words among them that are themselves one typo away, ascending.
    private var wholeTypos: [Int]
    /// Per spelling, the words of the trigram index containing it, ascending, when its rarest three-letter run has
    /// few enough words to list (``listedInsideLimit``); nil otherwise, and for a spelling under three letters.
    private let insideWords: [[UInt32]?]
    /// The documents the matched words appear in, counted once per word: more than the truth when a spelling's
    /// substring matches are estimated from the words sharing its rarest three-letter run.
    private(set) var estimatedDocuments: Int

    /// The words `spellings` match whole, at their start or inside them; none with a typo (see ``allowingTypos()``).
    init(_ spellings: [String], in vocabulary: SearchVocabulary) {
        self.vocabulary = vocabulary
        self.spellings = spellings.map { Array($0.utf8) }
        prefixes = self.spellings.map { spelling in spelling.withUnsafeBufferPointer { vocabulary.wordsStarting(with: $0) } }
        exact = zip(self.spellings, prefixes).map { spelling, range in
            !range.isEmpty && vocabulary.withWord(range.lowerBound) { $0.count == spelling.count } ? range.lowerBound : nil
        }
        typos = []
        wholeTypos = []
        var insideWords: [[UInt32]?] = []
        var estimate = 0
        for (spelling, prefix) in zip(self.spellings, prefixes) {
            spelling.withUnsafeBufferPointer { spelling in
                let words = vocabulary.wordsMaybeContaining(spelling)
                guard spelling.count >= 3, words.count <= Self.listedInsideLimit else {
                    insideWords.append(nil)
                    // Under three letters, the words starting with the spelling; from three, the words holding its
                    // rarest run, which include those (but for the email addresses' parts left out of the trigrams).
                    return estimate += max(vocabulary.documentCount(of: prefix), vocabulary.documentCount(of: words))
                }
                let listed = words.filter { word in vocabulary.withWord(Int(word)) { ByteSearch.contains(spelling, in: $0) } }
                insideWords.append(listed)
                estimate += max(vocabulary.documentCount(of: prefix), vocabulary.documentCount(of: listed))
            }
        }
        self.insideWords = insideWords
        estimatedDocuments = estimate
    }

    /// These matches and the name words one typo away from the primary spelling; nil when a slip is not looked for
    /// in the typed word: under ``SearchIndex/shortestWithTypo`` letters, or a reference, a number or an email
    /// address (a digit or an `@`).
    func allowingTypos() -> SearchTermMatches? {
        guard let primary = spellings.first, primary.count >= SearchIndex.shortestWithTypo,
            !primary.contains(where: { (0x30...0x39).contains($0) || $0 == 0x40 })
        else { return nil }
        var matches = self
        (matches.typos, matches.wholeTypos) = vocabulary.wordsOneTypoAway(from: primary)
        // The ranges hold the words starting with the typed word, already counted.
        matches.estimatedDocuments +=
            matches.typos.reduce(0) { $0 + vocabulary.documentCount(of: $1) } - vocabulary.documentCount(of: prefixes[0])
        return matches
    }

    /// How many words sharing a spelling's rarest three-letter run are compared with it up front, so that
    /// ``isInside(_:)`` looks words up in a short list rather than reading each from the vocabulary.
    static let listedInsideLimit = 512

    /// How many bytes the typed word's primary spelling has.
    var primaryLength: Int { spellings.first?.count ?? 0 }

    /// Whether word `word` is the typed word's spelling exactly.
    func isExactly(_ word: Int) -> Bool {
        exact.contains(word)
    }

    /// Whether word `word` is a spelling of the typed word (`exact`) or starts with one (`prefix`): two range checks
    /// per spelling, as the vocabulary is sorted.
    func wholeOrStart(_ word: Int) -> Kind? {
        var best: Kind?
        for index in prefixes.indices where prefixes[index].contains(word) {
            if exact[index] == word { return .exact }
            best = .prefix
        }
        return best
    }

    /// Whether word `word` contains a spelling of the typed word of three letters or more. An email address's part
    /// holding its `@` never does: it is found by its start, as when candidates are gathered.
    func isInside(_ word: Int) -> Bool {
        spellings.indices.contains { index in
            guard spellings[index].count >= 3 else { return false }
            // The listed words come from the trigram index, which never holds an address's part with its `@`.
            if let listed = insideWords[index] { return Self.sorted(listed, contain: UInt32(word)) }
            return !vocabulary.isLeftOutOfTrigrams(word) && Self.word(word, in: vocabulary, contains: spellings[index])
        }
    }

    /// Whether `list`, ascending, holds `value`.
    private static func sorted<Element: Comparable>(_ list: [Element], contain value: Element) -> Bool {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low] == value
    }

    /// Whether word `word` of `vocabulary` contains `spelling`, compared in place.
    private static func word(_ word: Int, in vocabulary: SearchVocabulary, contains spelling: [UInt8]) -> Bool {
        vocabulary.withWord(word) { word in spelling.withUnsafeBufferPointer { ByteSearch.contains($0, in: word) } }
    }

    /// How much of a word a typo match covers.
    enum TypoReach {
        case wholeWord, start
    }

    /// Whether typos were looked for and word `word`, found in a name, is one typo away from the typed word, whole or
    /// at its start.
    func oneTypoAway(_ word: Int) -> TypoReach? {
        guard !typos.isEmpty, Self.ranges(typos, contain: word) else { return nil }
        return Self.sorted(wholeTypos, contain: word) ? .wholeWord : .start
    }

    /// Where the documents ``forEachWord(_:)`` hands over have the word they match: what tells gathering when
    /// later documents can no longer beat those it has.
    enum Reach {
        /// In a name, equal to a spelling.
        case nameWhole
        /// In a name, starting with a spelling.
        case nameStart
        /// Outside their names, equal to a spelling (a reference typed in full among them).
        case wholeElsewhere
        /// Anywhere else, or inside a word, or one slip away.
        case elsewhere
    }

    /// What gathering asks ``forEachWord(_:)`` for next.
    enum Visit {
        /// The next word's documents.
        case next
        /// No more documents of this reach: those of the next.
        case nextReach
        /// Nothing more.
        case stop
    }

    /// Calls `body` with the documents of each matched word, best kind of match first, until it answers `.stop`;
    /// with them, where they have the word. A word's documents come at most twice: those with it in a name, and the
    /// others.
    func forEachWord(_ body: (_ documents: ArraySlice<UInt32>, _ reach: Reach) -> Visit) {
        var done = Set<Reach>()
        /// Hands over `documents` unless their reach is done; false when no more of it is wanted (or nothing at all).
        func visit(_ documents: ArraySlice<UInt32>, _ reach: Reach) -> Bool {
            guard !done.contains(reach) else { return false }
            switch body(documents, reach) {
            case .next: return true
            case .nextReach: done.insert(reach)
            case .stop: done = [.nameWhole, .nameStart, .wholeElsewhere, .elsewhere]
            }
            return false
        }
        let whole = exact.compactMap { $0 }
        // Names first: a country code or the start of a booking reference that many delegates share must not crowd
        // out the names starting with what was typed.
        var seen = Set<Int>()
        for word in whole where !done.contains(.nameWhole) && seen.insert(word).inserted {
            guard visit(vocabulary.nameDocuments(of: word), .nameWhole) else { break }
        }
        names: for range in prefixes where !done.contains(.nameStart) {
            for word in range where vocabulary.isNameWord(word) && seen.insert(word).inserted {
                guard visit(vocabulary.nameDocuments(of: word), .nameStart) else { break names }
            }
        }
        seen.removeAll(keepingCapacity: true)
        for word in whole where !done.contains(.wholeElsewhere) && seen.insert(word).inserted {
            guard visit(vocabulary.otherDocuments(of: word), .wholeElsewhere) else { break }
        }
        others: for range in prefixes where !done.contains(.elsewhere) {
            for word in range where seen.insert(word).inserted {
                guard visit(vocabulary.otherDocuments(of: word), .elsewhere) else { break others }
            }
        }
        // Whole names one slip away (Stone for `sone`) score above words holding the typed word (Carosone).
        for word in wholeTypos where !done.contains(.elsewhere) && vocabulary.isNameWord(word) && seen.insert(word).inserted {
            guard visit(vocabulary.nameDocuments(of: word), .elsewhere) else { break }
        }
        inside: for spelling in spellings where spelling.count >= 3 && !done.contains(.elsewhere) {
            let words = spelling.withUnsafeBufferPointer { vocabulary.wordsMaybeContaining($0) }
            for word in words where Self.word(Int(word), in: vocabulary, contains: spelling) && seen.insert(Int(word)).inserted {
                guard visit(vocabulary.documents(of: Int(word)), .elsewhere) else { break inside }
            }
        }
        startSlips: for range in typos where !done.contains(.elsewhere) {
            for word in range where vocabulary.isNameWord(word) && seen.insert(word).inserted {
                guard visit(vocabulary.nameDocuments(of: word), .elsewhere) else { break startSlips }
            }
        }
    }

    /// Whether one of `ranges`, ascending and apart, contains `value`.
    private static func ranges(_ ranges: [Range<Int>], contain value: Int) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound <= value { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(value)
    }
}
