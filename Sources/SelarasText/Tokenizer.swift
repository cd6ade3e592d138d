/// Splits Indonesian text into tokens with code-point ranges.
///
/// - Words keep inner hyphens and apostrophes: reduplication is one token (`negara-negara`,
///   `berbeda-beda`, `undang-undang`), as are `e-KTP`, `ke-3`, `Jum'at`. Clitics stay attached;
///   `Clitics.split` takes them apart for matching.
/// - Placeables are single tokens with their value: numbers in Indonesian notation (`2.375.000`,
///   `3,5`, `1,2 juta`), amounts (`Rp2,1 triliun`, `Rp 450 miliar`, `US$1,5 miliar`),
///   percentages (`3,5 persen`, `3,5%`), dates (`13/2`, `Kamis (13/2)`, `13 Februari 2025`) and
///   times (`19.30 WIB`); see `PlaceableFinder`.
/// - URLs (`https://…`, `www.…`, `kompas.com/…`), e-mail addresses, hashtags, mentions.
/// - Acronyms: upper-case words (`DPR`, `COVID-19`) and dotted abbreviations (`S.H.`, `a.n.`).
/// - An ellipsis (`...`, `…`) is one punctuation token; every other mark is its own token.
public struct Tokenizer: Sendable {
    public init() {}

    public func tokenize(_ text: String) -> [Token] {
        let scanner = PlaceableScanner(text)
        let s = scanner.s
        var tokens: [Token] = []
        tokens.reserveCapacity(s.count / 5)
        var i = 0
        func emit(_ r: Range<Int>, _ kind: Token.Kind, _ placeable: Placeable? = nil) {
            tokens.append(Token(text: scanner.text(r), range: r, kind: kind, placeable: placeable))
        }
        while i < s.count {
            let c = s[i]
            if c.properties.isWhitespace || c == "\u{200B}" || c == "\u{FEFF}" { i += 1; continue }
            if let end = url(s, i) { emit(i..<end, .url); i = end; continue }
            if let end = email(s, i) { emit(i..<end, .email); i = end; continue }
            if (c == "#" || c == "@"), i + 1 < s.count, isWordChar(s[i + 1]), i == 0 || !isWordChar(s[i - 1]) {
                var j = i + 1
                while j < s.count, isWordChar(s[j]) || (c == "@" && s[j] == "." && j + 1 < s.count && isWordChar(s[j + 1])) { j += 1 }
                emit(i..<j, c == "#" ? .hashtag : .mention)
                i = j
                continue
            }
            if scanner.canStart(i), let p = scanner.parseIndonesian(at: i) {
                emit(p.range, Token.Kind(p.kind), p)
                i = p.range.upperBound
                continue
            }
            if isLetter(c) {
                // Dotted abbreviation: S.H. / a.n. / U.S.A.
                if let end = dotted(s, i) { emit(i..<end, .acronym); i = end; continue }
                var j = i + 1
                while j < s.count {
                    if isWordChar(s[j]) { j += 1; continue }
                    if (s[j] == "-" || s[j] == "'" || s[j] == "’"), j + 1 < s.count, isWordChar(s[j + 1]) { j += 2; continue }
                    break
                }
                let word = scanner.text(i..<j)
                emit(i..<j, isAcronym(word) ? .acronym : .word)
                i = j
                continue
            }
            if scanner.isDigit(c) {
                var j = i + 1
                var letters = false
                while j < s.count {
                    if isWordChar(s[j]) { if isLetter(s[j]) { letters = true }; j += 1; continue }
                    if ".,/:-".unicodeScalars.contains(s[j]), j + 1 < s.count, isWordChar(s[j + 1]) { j += 1; continue }
                    break
                }
                emit(i..<j, letters ? .word : .number)
                i = j
                continue
            }
            if c == "." || c == "…" {
                var j = i + 1
                while j < s.count, s[j] == "." || s[j] == "…" { j += 1 }
                emit(i..<j, .punctuation)
                i = j
                continue
            }
            let kind: Token.Kind
            switch c.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                kind = .punctuation
            default:
                kind = .symbol
            }
            emit(i..<(i + 1), kind)
            i += 1
        }
        return tokens
    }

    /// Splits a word into its clitics and base (see `Clitics`).
    public static func splitClitics(_ word: String) -> CliticSplit {
        Clitics.split(word)
    }

    // MARK: helpers

    @inline(__always) private func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
        return c.properties.isAlphabetic
    }

    @inline(__always) private func isWordChar(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A || (c.value >= 0x30 && c.value <= 0x39) || c == "_"
        }
        let p = c.properties
        return p.isAlphabetic || p.generalCategory == .decimalNumber || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark
    }

    private func isAcronym(_ word: String) -> Bool {
        var upper = 0
        for ch in word.unicodeScalars {
            if ch.properties.isLowercase { return false }
            if ch.properties.isUppercase { upper += 1 }
        }
        return upper >= 2
    }

    static let topLevelDomains: Set<String> = [
        "com", "net", "org", "id", "co", "go", "ac", "sch", "or", "web", "my", "info", "biz", "io", "tv", "news",
        "asia", "gov", "edu", "uk", "au", "sg", "jp", "me", "ly", "app", "dev", "online", "site", "xyz", "int",
    ]

    /// A URL at `i`: a scheme or www., or a domain name ending in a known top-level domain.
    private func url(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        guard i == 0 || !isWordChar(s[i - 1]) else { return nil }
        func lowerPrefix(_ p: String) -> Bool {
            let ps = Array(p.unicodeScalars)
            guard i + ps.count <= s.count else { return false }
            for k in 0..<ps.count where Character(s[i + k]).lowercased() != String(ps[k]) { return false }
            return true
        }
        var j: Int
        if lowerPrefix("https://") || lowerPrefix("http://") || lowerPrefix("www.") {
            j = i
            while j < s.count, !s[j].properties.isWhitespace, s[j] != "\"", s[j] != "<", s[j] != ">", s[j] != "”" { j += 1 }
        } else {
            // domain.tld[/path]
            guard isWordChar(s[i]) else { return nil }
            j = i
            var labels: [String] = []
            var label = ""
            while j < s.count {
                if isWordChar(s[j]) || (s[j] == "-" && !label.isEmpty) { label.unicodeScalars.append(s[j]); j += 1; continue }
                if s[j] == ".", !label.isEmpty, j + 1 < s.count, isWordChar(s[j + 1]) { labels.append(label); label = ""; j += 1; continue }
                break
            }
            labels.append(label)
            guard labels.count >= 2, let tld = labels.last?.lowercased(), Self.topLevelDomains.contains(tld),
                  labels.dropLast().contains(where: { $0.unicodeScalars.contains(where: isLetter) }),
                  labels.dropLast().allSatisfy({ $0.count >= 2 || labels.count > 2 }) else { return nil }
            if j < s.count, s[j] == "/" {
                while j < s.count, !s[j].properties.isWhitespace, s[j] != "\"", s[j] != "”" { j += 1 }
            }
        }
        // Trailing punctuation belongs to the sentence.
        while j > i, ".,;:!?)]}'\"’”".unicodeScalars.contains(s[j - 1]) { j -= 1 }
        return j > i + 3 ? j : nil
    }

    /// An e-mail address at `i`.
    private func email(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        guard isWordChar(s[i]), i == 0 || !isWordChar(s[i - 1]) else { return nil }
        var j = i
        while j < s.count, isWordChar(s[j]) || ".%+-".unicodeScalars.contains(s[j]) { j += 1 }
        guard j < s.count, s[j] == "@", j > i else { return nil }
        j += 1
        var dots = 0
        let domainStart = j
        while j < s.count {
            if isWordChar(s[j]) || s[j] == "-" { j += 1; continue }
            if s[j] == ".", j + 1 < s.count, isWordChar(s[j + 1]), j > domainStart { dots += 1; j += 1; continue }
            break
        }
        return dots >= 1 ? j : nil
    }

    /// Two or more single letters each followed by a dot: S.H. / a.n. / U.S.A.
    private func dotted(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        var j = i
        var pairs = 0
        while j + 1 < s.count, isLetter(s[j]), s[j + 1] == ".", j + 2 >= s.count || !isWordChar(s[j + 2]) || (j + 3 < s.count && s[j + 3] == ".") {
            if j > i, isWordChar(s[j - 1]) { break }
            pairs += 1
            j += 2
        }
        return pairs >= 2 ? j : nil
    }
}
