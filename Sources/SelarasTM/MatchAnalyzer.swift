/// Turns a segment into what fuzzy matching compares: word and number tokens with their folded
/// forms, index keys (stems; one class key for all numbers) and code-point ranges, plus the
/// punctuation marks in order.
///
/// Rules (one pass over Unicode scalars, ASCII fast path):
/// - A token is a run of letters, digits and combining marks; `-` and `'` join letters inside a
///   word (`anak-anak`, `Jum'at`), `.`, `,`, `/` and `:` join digits inside a number (`2.375.000`,
///   `3,5`, `13/2`, `10.30`). A run of digits (and joiners) alone is a number; `Rp` glued to a number
///   (`Rp2,1`) becomes the word `rp` and the number.
/// - `%` counts as the word `persen`, so `5%` and `5 persen` compare equal as words.
/// - Folding: lowercase, typographic quotes and dashes to ASCII. Keys are the folded word's stem
///   (`TMStemmer`) and `#` for every number, so numbers never cost edit distance: a differing number
///   is a penalty and a repair, not a word change.
struct MatchAnalyzer: Sendable {
    /// Bump when tokenisation, folding or stemming changes: stores rebuild their index then.
    static let version = 3
    static let numberKey = "#"

    struct Token: Sendable, Hashable {
        /// Lowercased, folded surface (numbers as written).
        var folded: String
        /// The index key: the stem of a word, `#` for a number.
        var key: String
        /// Code-point range in the analysed text.
        var range: Range<Int>
        var isNumber: Bool
        /// Whether the surface had an uppercase letter where `folded` has lowercase.
        var hadUppercase: Bool
    }

    struct Analysis: Sendable {
        var tokens: [Token]
        /// Punctuation and symbol characters in order (folded), for the punctuation penalty.
        var punctuation: [Unicode.Scalar]
        var keys: [String] { tokens.map(\.key) }
        var folded: [String] { tokens.map(\.folded) }
    }

    let stemmer: TMStemmer

    init(stemmer: TMStemmer = TMStemmer()) {
        self.stemmer = stemmer
    }

    func analyze(_ text: String) -> Analysis {
        var tokens: [Token] = []
        var punctuation: [Unicode.Scalar] = []
        let scalars = Array(text.unicodeScalars)
        let n = scalars.count
        var i = 0
        tokens.reserveCapacity(n / 5)
        while i < n {
            let s = scalars[i]
            let cls = Self.classify(s)
            if cls == .space { i += 1; continue }
            if cls == .other {
                if s == "%" {
                    tokens.append(Token(folded: "%", key: stemmer.stem("persen"), range: i..<(i + 1), isNumber: false, hadUppercase: false))
                } else {
                    punctuation.append(Self.foldPunctuation(s))
                }
                i += 1
                continue
            }
            // A token: letters, digits, marks, with inner joiners.
            let start = i
            var sawLetter = false
            var sawDigit = false
            var folded = String.UnicodeScalarView()
            var upper = false
            var rpPrefix = false  // `Rp` glued to a number: the number keeps its joiners
            while i < n {
                let c = scalars[i]
                let k = Self.classify(c)
                if k == .letter || k == .mark {
                    if k == .letter { sawLetter = true; if sawDigit { rpPrefix = false } }
                    if c.value < 0x80 {
                        if c.value >= 0x41 && c.value <= 0x5A { upper = true; folded.append(Unicode.Scalar(c.value + 32)!) } else { folded.append(c) }
                    } else if c.properties.changesWhenLowercased {
                        upper = true
                        folded.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
                    } else {
                        folded.append(c)
                    }
                    i += 1
                } else if k == .digit {
                    if !sawDigit { rpPrefix = sawLetter && folded.count == 2 && String(folded) == "rp" }
                    sawDigit = true
                    folded.append(c)
                    i += 1
                } else if i + 1 < n, i > start {
                    let next = Self.classify(scalars[i + 1])
                    let prev = Self.classify(scalars[i - 1])
                    let joinsWord = (c == "-" || c == "'" || c == "\u{2019}" || c == "\u{2010}" || c == "\u{2011}")
                        && (next == .letter || next == .digit) && (prev == .letter || prev == .digit || prev == .mark)
                    let joinsNumber = (c == "." || c == "," || c == "/" || c == ":") && next == .digit && prev == .digit && (!sawLetter || rpPrefix)
                    if joinsWord || joinsNumber {
                        folded.append(c == "\u{2019}" ? "'" : (c == "\u{2010}" || c == "\u{2011}") ? "-" : c)
                        i += 1
                    } else { break }
                } else { break }
            }
            let f = String(folded)
            if !sawLetter {
                tokens.append(Token(folded: f, key: Self.numberKey, range: start..<i, isNumber: true, hadUppercase: false))
            } else if sawDigit, f.hasPrefix("rp"), f.count > 2, let d = f.unicodeScalars.dropFirst(2).first, ("0"..."9").contains(d) {
                let rest = String(f.unicodeScalars.dropFirst(2))
                tokens.append(Token(folded: "rp", key: "rp", range: start..<(start + 2), isNumber: false, hadUppercase: upper))
                if rest.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." || $0 == "," }) {
                    tokens.append(Token(folded: rest, key: Self.numberKey, range: (start + 2)..<i, isNumber: true, hadUppercase: false))
                } else {
                    tokens.append(Token(folded: rest, key: stemmer.stem(rest), range: (start + 2)..<i, isNumber: false, hadUppercase: false))
                }
            } else {
                tokens.append(Token(folded: f, key: sawDigit ? f : stemmer.stem(f), range: start..<i, isNumber: false, hadUppercase: upper))
            }
        }
        return Analysis(tokens: tokens, punctuation: punctuation)
    }

    /// Only the index keys (the import path: no ranges or folded forms kept).
    func keys(_ text: String) -> [String] {
        analyze(text).tokens.map(\.key)
    }

    enum ScalarClass { case letter, digit, mark, space, other }

    @inline(__always)
    static func classify(_ s: Unicode.Scalar) -> ScalarClass {
        let v = s.value
        if v < 0x80 {
            if (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) { return .letter }
            if v >= 0x30 && v <= 0x39 { return .digit }
            if v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C { return .space }
            return .other
        }
        let p = s.properties
        if p.isWhitespace || v == 0x200B || v == 0xFEFF { return .space }
        if p.isAlphabetic { return .letter }
        switch p.generalCategory {
        case .decimalNumber: return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .format: return .space
        default: return .other
        }
    }

    static func foldPunctuation(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC, 0x0060, 0x00B4: return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return "-"
        default: return s
        }
    }
}
