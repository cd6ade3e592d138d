/// Splits text into the word and punctuation tokens that term matching works on, with code-point
/// ranges.
///
/// A word is a run of letters, marks and digits; a hyphen or apostrophe between two such characters
/// stays inside the word (`perundingan-perundingan`, `KPU-nya`, `Jum'at`), as do `.`/`,` between
/// digits. Invisible characters (soft hyphen, zero-width space and joiners) inside a word are kept
/// in its range but left out of its key. Every other non-space character is a token of its own.
/// Two splits follow Indonesian spelling: a currency symbol written against its amount (`Rp48`) is
/// a word of its own, and so is a capitalised name after a hyphenated prefix (`se-Jawa Timur`,
/// `pasca-Reformasi`, `pro-Rusia`), so that multi-word names match from their first word.
struct WordScanner {
    struct Token {
        /// The token with typographic variants folded (dashes to `-`, apostrophes to `'`) and
        /// invisible characters removed; case kept.
        var text: String
        /// `text` lowercased.
        var lower: String
        var range: Range<Int>
        var isWord: Bool
    }

    static func isWordChar(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII {
            let v = u.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        if u.properties.isAlphabetic { return true }
        switch u.properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    static func isHyphen(_ u: Unicode.Scalar) -> Bool {
        u == "-" || u == "\u{2010}" || u == "\u{2011}"
    }

    static func isApostrophe(_ u: Unicode.Scalar) -> Bool {
        u == "'" || u == "\u{2019}" || u == "\u{02BC}"
    }

    static func isDigit(_ u: Unicode.Scalar) -> Bool { ("0"..."9").contains(u) }

    /// Currency symbols written against the amount in Indonesian news.
    static let currencySymbols: Set<String> = ["rp", "us", "usd", "idr"]

    /// Prefixes written with a hyphen before a capitalised name (PUEBI: se-Indonesia, pasca-Reformasi,
    /// pra-Pemilu, anti-Korupsi, non-Muslim, pro-Rusia, eks-Menteri).
    static let namePrefixes: Set<String> = ["se", "pasca", "pra", "anti", "non", "antar", "eks", "pro", "neo", "pan", "trans"]

    /// Lowercase, with a fast path for ASCII words.
    static func lowercased(_ scalars: String.UnicodeScalarView) -> String {
        guard scalars.allSatisfy(\.isASCII) else { return String(scalars).lowercased() }
        var out = String.UnicodeScalarView()
        for u in scalars {
            out.append(u.value >= 0x41 && u.value <= 0x5A ? Unicode.Scalar(u.value + 32)! : u)
        }
        return String(out)
    }

    static func isSpace(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII { return u == " " || u == "\n" || u == "\t" || u == "\r" || u == "\u{0B}" || u == "\u{0C}" }
        return u.properties.isWhitespace
    }

    func tokens(_ text: String) -> [Token] {
        let s = Array(text.unicodeScalars)
        var out: [Token] = []
        var i = 0
        while i < s.count {
            let u = s[i]
            if Self.isSpace(u) || GlossaryText.invisible.contains(u) { i += 1; continue }
            let start = i
            var key = String.UnicodeScalarView()
            if Self.isWordChar(u) {
                while i < s.count {
                    let c = s[i]
                    if Self.isDigit(c), i > start, !Self.isDigit(s[i - 1]), Self.currencySymbols.contains(Self.lowercased(key)) {
                        break  // Rp48 → Rp | 48
                    }
                    if Self.isHyphen(c), i + 1 < s.count, s[i + 1].properties.isUppercase,
                       Self.namePrefixes.contains(String(key)) {  // lowercase prefix only: "Non-Blok" stays whole
                        // se-Jawa → the prefix and its hyphen become punctuation-like tokens, the name a word
                        break
                    }
                    if Self.isWordChar(c) {
                        key.append(c); i += 1
                    } else if !c.isASCII, GlossaryText.invisible.contains(c), i + 1 < s.count, Self.isWordChar(s[i + 1]) {
                        i += 1
                    } else if (Self.isHyphen(c) || Self.isApostrophe(c)), i + 1 < s.count, Self.isWordChar(s[i + 1]) {
                        key.append(Self.isHyphen(c) ? "-" : "'"); i += 1
                    } else if (c == "." || c == ","), i > start, Self.isDigit(s[i - 1]), i + 1 < s.count, Self.isDigit(s[i + 1]) {
                        key.append(c); i += 1
                    } else {
                        break
                    }
                }
                let t = String(key)
                out.append(Token(text: t, lower: Self.lowercased(key), range: start..<i, isWord: true))
            } else {
                let f = Self.isHyphen(u) || u == "\u{2012}" || u == "\u{2013}" ? "-" : (Self.isApostrophe(u) ? "'" : String(u))
                out.append(Token(text: f, lower: f, range: start..<(i + 1), isWord: false))
                i += 1
            }
        }
        return out
    }
}
