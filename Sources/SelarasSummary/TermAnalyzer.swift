import SelarasText

/// Reads a sentence for the rankers in one pass: its content terms (words and numbers, lowercased,
/// without stopwords or one-letter tokens, each reduced by `stem`) and the surface counts the
/// learned ranker uses (word tokens, numbers, capitals, attribution, quotation marks, and the
/// whitespace-separated words that `SummaryLength.words` counts).
///
/// Words are runs of letters and digits that may hold an inner hyphen or apostrophe between letters
/// or digits ("masing-masing", "Jum'at"); numbers may hold an inner `.` or `,` between digits
/// ("1.000", "5,7"). This is a lean scanner for ranking, not the general-purpose tokeniser: it works
/// on the UTF-8 bytes, with an ASCII fast path, and looks each token up by its bytes in the
/// article's `TermVocabulary`, so a token costs no `String` and no SipHash.
public struct TermAnalyzer: Sendable {
    /// Lowercased words that are never terms.
    public var stopwords: Set<String> {
        didSet { lexicon = Self.lexicon(stopwords) }
    }
    /// Maps a lowercased word to its stem; nil: no stemming (terms are the lowercased words).
    public var stem: (@Sendable (String) -> String)?
    /// The ASCII stopwords and verbs of attribution by their bytes, with `TermVocabulary.Flag` bits.
    private(set) var lexicon: WordTable

    public init(stopwords: Set<String> = Stopwords.indonesian, stem: (@Sendable (String) -> String)? = nil) {
        self.stopwords = stopwords
        self.stem = stem
        lexicon = Self.lexicon(stopwords)
    }

    /// Indonesian stopwords, no stemming: what the summarisers use unless told to stem.
    public static let standard = TermAnalyzer()

    /// Indonesian stopwords and `IndonesianStemmer` (its root lexicon is read on first use).
    public static let stemmed: TermAnalyzer = {
        let stemmer = IndonesianStemmer()
        return TermAnalyzer(stem: { stemmer.stem($0) })
    }()

    /// `stemmed` or `standard`.
    public static func forStemming(_ stemming: Bool) -> TermAnalyzer { stemming ? stemmed : standard }

    /// The content terms of `text`, in order of occurrence.
    public func terms(_ text: String) -> [String] {
        var vocabulary = TermVocabulary()
        return scan(text, into: &vocabulary).termIDs.map { vocabulary.text(ofTerm: $0) }
    }

    /// What one pass over a sentence yields.
    struct Scan {
        /// The content terms, as ids of the article's `TermVocabulary`, in order of occurrence.
        var termIDs: [Int32] = []
        /// Tokens that are words (have a letter) and numbers (digits only).
        var wordTokens = 0, numberTokens = 0
        /// Word tokens after the first that start with a capital letter.
        var capitalisedWords = 0
        /// Whether a verb of attribution (kata, ujar, ...) occurs.
        var attribution = false
        /// Whitespace-separated words that contain a letter or a digit (`ArticleAnalysis.wordCount`).
        var words = 0
        /// Whether a quotation mark (`SurfaceCues.isQuote`) occurs.
        var hasQuote = false
    }

    /// Scans `text` with a vocabulary of its own (for tests and single sentences).
    func scan(_ text: String) -> Scan {
        var vocabulary = TermVocabulary()
        return scan(text, into: &vocabulary)
    }

    /// Scans `text`, entering its words and terms in `vocabulary`.
    func scan(_ text: String, into vocabulary: inout TermVocabulary) -> Scan {
        var text = text
        return text.withUTF8 { scan(utf8: $0, into: &vocabulary) }
    }

    /// Scans valid UTF-8.
    func scan(utf8 p: UnsafeBufferPointer<UInt8>, into vocabulary: inout TermVocabulary) -> Scan {
        var out = Scan()
        let n = p.count
        out.termIDs.reserveCapacity(n / 6 + 1)  // about one term in six bytes of news text
        var i = 0
        // Whether the current whitespace-separated word has a letter or digit (`words`).
        var hasContent = false
        while i < n {
            // Between tokens: spaces end a word; quotation marks are noted.
            let b = p[i]
            if b < 0x80 {
                if !Self.isASCIILetterOrDigit(b) {
                    if b == 0x20 || b &- 0x09 < 5 {
                        if hasContent { out.words += 1 }
                        hasContent = false
                    } else if b == 0x22 {
                        out.hasQuote = true
                    }
                    i += 1
                    continue
                }
            } else {
                let (c, len) = UTF8Scalar.decode(p, i)
                if !Self.isLetterOrDigit(c) {
                    let properties = c.properties
                    if properties.isWhitespace {
                        if hasContent { out.words += 1 }
                        hasContent = false
                    } else {
                        if SurfaceCues.isQuote(c) { out.hasQuote = true }
                        if properties.isAlphabetic || properties.numericType != nil { hasContent = true }
                    }
                    i += len
                    continue
                }
            }
            hasContent = true
            let start = i
            var scalars = 0
            var hasLetter = false, ascii = true
            var hash = WordTable.hashSeed  // of the token's bytes, ASCII case folded, as they are read
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    if Self.isASCIILetterOrDigit(b) {
                        if !Self.isDigit(b) { hasLetter = true }
                    } else if b == 0x2D || b == 0x27 {  // - ' between letters or digits, not digit-digit
                        guard i + 1 < n else { break }
                        let next = Self.classify(p, i + 1)
                        guard next.letterOrDigit, hasLetter || !next.digit else { break }
                    } else if b == 0x2E || b == 0x2C {  // . , between digits
                        guard i + 1 < n, Self.isDigit(p[i - 1]), Self.isDigit(p[i + 1]) else { break }
                    } else {
                        break
                    }
                    hash = WordTable.hash(hash, b)
                    i += 1
                } else {
                    let (c, len) = UTF8Scalar.decode(p, i)
                    if Self.isLetterOrDigit(c) {
                        hasLetter = true
                    } else if c == "\u{2019}" {  // ’ as an apostrophe
                        guard i + len < n else { break }
                        let next = Self.classify(p, i + len)
                        guard next.letterOrDigit, hasLetter || !next.digit else { break }
                    } else {
                        break
                    }
                    ascii = false
                    i += len
                }
                scalars += 1
            }
            let token = UnsafeBufferPointer(rebasing: p[start..<i])
            let w: Int
            if ascii {
                // The table folds ASCII case itself: no lowercased copy is made.
                w = vocabulary.word(token, hash: hash, analyzer: self)
            } else {
                var lower = String(decoding: token, as: UTF8.self).lowercased()
                w = lower.withUTF8 { key in vocabulary.word(key, hash: WordTable.hash(key), analyzer: self) }
            }
            if hasLetter {
                out.wordTokens += 1
                if out.wordTokens > 1, Self.startsUppercase(p, start) { out.capitalisedWords += 1 }
                if !out.attribution, vocabulary.isAttribution(w) { out.attribution = true }
            } else {
                out.numberTokens += 1
            }
            if scalars >= 2, !vocabulary.isStopword(w) { out.termIDs.append(vocabulary.termID(ofWord: w, analyzer: self)) }
        }
        if hasContent { out.words += 1 }
        return out
    }

    /// The stopwords and verbs of attribution that are lowercase ASCII, by their bytes. (Other words
    /// are looked up in the `String` sets, which compare by canonical equivalence; a word with an
    /// ASCII capital can never equal a lowercased token.)
    static func lexicon(_ stopwords: Set<String>) -> WordTable {
        func lowercaseASCII(_ w: String) -> Bool { w.utf8.allSatisfy { $0 < 0x80 && $0 &- 0x41 >= 26 } }
        var flags: [String: UInt8] = [:]
        for w in stopwords where lowercaseASCII(w) { flags[w, default: 0] |= TermVocabulary.Flag.stopword }
        for w in SurfaceCues.attributionVerbs where lowercaseASCII(w) { flags[w, default: 0] |= TermVocabulary.Flag.attribution }
        var table = WordTable(capacity: flags.count)
        for (w, f) in flags {
            var w = w
            w.withUTF8 { _ = table.insert($0, hash: WordTable.hash($0), value: Int32(f)) }
        }
        return table
    }

    // MARK: Characters

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    @inline(__always) static func isASCIILetterOrDigit(_ b: UInt8) -> Bool {
        (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10
    }

    @inline(__always) static func isLetterOrDigit(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return isASCIILetterOrDigit(UInt8(v)) }
        return c.properties.isAlphabetic || c.properties.numericType == .decimal
    }

    /// Whether the scalar at byte `i` is a letter or digit, and whether it is an ASCII digit.
    @inline(__always) static func classify(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (letterOrDigit: Bool, digit: Bool) {
        let b = p[i]
        if b < 0x80 { return (isASCIILetterOrDigit(b), isDigit(b)) }
        return (isLetterOrDigit(UTF8Scalar.decode(p, i).scalar), false)
    }

    @inline(__always) static func startsUppercase(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = p[i]
        if b < 0x80 { return b &- 0x41 < 26 }
        return UTF8Scalar.decode(p, i).scalar.properties.isUppercase
    }
}
