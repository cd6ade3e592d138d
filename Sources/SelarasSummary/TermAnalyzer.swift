import SelarasText

/// Reads a sentence for the rankers in one pass: its content terms (words and numbers, lowercased,
/// without stopwords or one-letter tokens, each reduced by `stem`) and the surface counts the
/// learned ranker uses.
///
/// Words are runs of letters and digits that may hold an inner hyphen or apostrophe between letters
/// or digits ("masing-masing", "Jum'at"); numbers may hold an inner `.` or `,` between digits
/// ("1.000", "5,7"). This is a lean scanner for ranking, with an ASCII fast path, not the
/// general-purpose tokeniser.
public struct TermAnalyzer: Sendable {
    public var stopwords: Set<String>
    /// Maps a lowercased word to its stem (identity by default).
    public var stem: @Sendable (String) -> String

    public init(stopwords: Set<String> = Stopwords.indonesian, stem: @escaping @Sendable (String) -> String = { $0 }) {
        self.stopwords = stopwords
        self.stem = stem
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

    /// The content terms of `text`.
    public func terms(_ text: String) -> [String] { scan(text).terms }

    /// What one pass over a sentence yields.
    struct Scan {
        var terms: [String] = []
        /// Tokens that are words (have a letter) and numbers (digits only).
        var wordTokens = 0, numberTokens = 0
        /// Word tokens after the first that start with a capital letter.
        var capitalisedWords = 0
        /// Whether a verb of attribution (kata, ujar, ...) occurs.
        var attribution = false
    }

    func scan(_ text: String) -> Scan {
        var out = Scan()
        let s = Array(text.unicodeScalars)
        var i = 0
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        while i < s.count {
            guard Self.isLetterOrDigit(s[i]) else { i += 1; continue }
            let start = i
            var hasLetter = false, ascii = true
            while i < s.count {
                let c = s[i]
                if Self.isLetterOrDigit(c) {
                    if !Self.isDigit(c) { hasLetter = true }
                    if c.value >= 0x80 { ascii = false }
                    i += 1
                } else if i + 1 < s.count, Self.isLetterOrDigit(s[i + 1]),
                          ((c == "-" || c == "'" || c == "’") && (hasLetter || !Self.isDigit(s[i + 1])))
                            || ((c == "." || c == ",") && Self.isDigit(s[i - 1]) && Self.isDigit(s[i + 1])) {
                    if c.value >= 0x80 { ascii = false }
                    i += 1
                } else {
                    break
                }
            }
            let lower: String
            if ascii {
                buffer.removeAll(keepingCapacity: true)
                for k in start..<i {
                    let v = UInt8(truncatingIfNeeded: s[k].value)
                    buffer.append(v >= 0x41 && v <= 0x5A ? v + 32 : v)
                }
                lower = String(decoding: buffer, as: UTF8.self)
            } else {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: s[start..<i])
                lower = String(view).lowercased()
            }
            if hasLetter {
                out.wordTokens += 1
                if out.wordTokens > 1, Self.isUppercase(s[start]) { out.capitalisedWords += 1 }
                if !out.attribution, SurfaceCues.attributionVerbs.contains(lower) { out.attribution = true }
            } else {
                out.numberTokens += 1
            }
            if i - start >= 2, !stopwords.contains(lower) { out.terms.append(stem(lower)) }
        }
        return out
    }

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    @inline(__always) static func isLetterOrDigit(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
        return c.properties.isAlphabetic || c.properties.numericType == .decimal
    }

    @inline(__always) static func isUppercase(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c.value >= 0x41 && c.value <= 0x5A) : c.properties.isUppercase
    }
}
