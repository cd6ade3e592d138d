import Foundation

/// Turns a segment into what fuzzy matching compares: word and number tokens with their folded
/// forms, index keys (stems; one class key for all numbers) and code-point ranges, plus the
/// punctuation marks in order.
///
/// Rules (one pass over Unicode scalars, ASCII fast path):
/// - A token is a run of letters, digits and combining marks; `-` and `'` join letters inside a
///   word (`anak-anak`, `Jum'at`) but not a number to a word (`ke-51`, `AC-130` and `1970-an` give
///   the number on its own), `.`, `,`, `/` and `:` join digits inside a number (`2.375.000`,
///   `3,5`, `13/2`, `10.30`). A run of digits (and joiners) alone is a number; `Rp` glued to a number
///   (`Rp2,1`) becomes the word `rp` and the number.
/// - `%` counts as the word `persen`, so `5%` and `5 persen` compare equal as words.
/// - Folding: lowercase, typographic apostrophes and hyphens to ASCII. Keys are the folded word's
///   stem (`TMStemmer`) and `#` for every number, so numbers never cost edit distance: a differing
///   number is a penalty and a repair, not a word change.
/// - The context key of a text (for exact-with-context matches and keyless exact lookups) is the
///   FNV-1a hash of its folded tokens, or of its folded punctuation when it has no tokens.
struct MatchAnalyzer: Sendable {
    /// Bump when tokenisation, folding or stemming changes: stores rebuild their index then.
    static let version = 7

    /// The analyzer's identity as stores record it: the version and the stemming algorithm in use.
    static var identity: String { "\(version)/\(TMStemmer().identity)" }
    static let numberKey = "#"
    static let percentWord = "persen"

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
        var contextKey: UInt64
        var keys: [String] { tokens.map(\.key) }
        var folded: [String] { tokens.map(\.folded) }
    }

    let stemmer: TMStemmer

    init(stemmer: TMStemmer = TMStemmer()) {
        self.stemmer = stemmer
    }

    /// What the scanner reports for each token.
    struct Event {
        var range: Range<Int>
        /// The folded surface as UTF-8 (valid only during the callback).
        var folded: UnsafeBufferPointer<UInt8>
        var isNumber: Bool
        var hadUppercase: Bool
        /// `%`, standing for the word `persen`.
        var isPercent: Bool
        /// FNV-1a of `folded`.
        var hash: UInt64
    }

    func analyze(_ text: String) -> Analysis {
        var tokens: [Token] = []
        var punctuation: [Unicode.Scalar] = []
        let context = Self.scan(text, punctuation: { punctuation.append($0) }) { e in
            let f = String(decoding: e.folded, as: UTF8.self)
            let key: String
            if e.isNumber { key = Self.numberKey } else if e.isPercent { key = stemmer.stem(Self.percentWord) } else { key = stemmer.stem(f) }
            tokens.append(Token(folded: f, key: key, range: e.range, isNumber: e.isNumber, hadUppercase: e.hadUppercase))
        }
        return Analysis(tokens: tokens, punctuation: punctuation, contextKey: context)
    }

    /// The context key of `text` alone.
    static func contextKey(_ text: String) -> UInt64 {
        scan(text, punctuation: { _ in }) { _ in }
    }

    /// Scans `text`, calling `token` for each token and `punctuation` for each other non-space
    /// character; returns the context key.
    @discardableResult
    static func scan(_ text: String, punctuation: (Unicode.Scalar) -> Void, token: (Event) -> Void) -> UInt64 {
        var t = text
        return t.withUTF8 { scan(utf8: $0, punctuation: punctuation, token: token) }
    }

    /// The UTF-8 decoding of one scalar of valid UTF-8 (Swift strings are valid): scalar and length.
    @inline(__always)
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let c0 = UInt32(b[i])
        if c0 < 0x80 { return (Unicode.Scalar(UInt8(c0)), 1) }
        if c0 < 0xE0 { return (Unicode.Scalar((c0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)) ?? "\u{FFFD}", 2) }
        if c0 < 0xF0 {
            return (Unicode.Scalar((c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)) ?? "\u{FFFD}", 3)
        }
        let v = (c0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
        return (Unicode.Scalar(v) ?? "\u{FFFD}", 4)
    }

    static func scan(utf8 b: UnsafeBufferPointer<UInt8>, punctuation: (Unicode.Scalar) -> Void, token: (Event) -> Void) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var punctHash: UInt64 = 0xcbf2_9ce4_8422_2325
        var sawToken = false
        var buffer = [UInt8]()
        buffer.reserveCapacity(64)
        let prime: UInt64 = 0x0000_0100_0000_01b3
        func fnv(_ bytes: ArraySlice<UInt8>) -> UInt64 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for x in bytes { h ^= UInt64(x); h &*= prime }
            return h
        }
        func emit(_ range: Range<Int>, _ bytes: ArraySlice<UInt8>, number: Bool, upper: Bool, percent: Bool, tokenHash: UInt64) {
            sawToken = true
            hash ^= tokenHash; hash &*= prime
            bytes.withUnsafeBufferPointer { p in
                token(Event(range: range, folded: p, isNumber: number, hadUppercase: upper, isPercent: percent, hash: tokenHash))
            }
        }
        let table = asciiClasses
        @inline(__always) func cls(_ s: Unicode.Scalar) -> ScalarClass { s.value < 0x80 ? table[Int(s.value)] : classify(s) }
        let n = b.count
        var i = 0
        var cp = 0
        while i < n {
            let byte = b[i]
            let s: Unicode.Scalar, len: Int
            if byte < 0x80 { s = Unicode.Scalar(byte); len = 1 } else { (s, len) = decode(b, i) }
            let c0 = cls(s)
            if c0 == .space { i += len; cp += 1; continue }
            if c0 == .other {
                if s == "%" {
                    emit(cp..<(cp + 1), [0x25], number: false, upper: false, percent: true, tokenHash: fnv([0x25]))
                } else {
                    let f = foldPunctuation(s)
                    punctuation(f)
                    var v = f.value
                    while true { punctHash ^= UInt64(v & 0xFF); punctHash &*= prime; v >>= 8; if v == 0 { break } }
                }
                i += len; cp += 1
                continue
            }
            let start = cp
            var sawLetter = false
            var sawDigit = false
            var upper = false
            var rpPrefix = false
            var prev: ScalarClass = .space
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            buffer.removeAll(keepingCapacity: true)
            while i < n {
                let c: Unicode.Scalar, l: Int
                let lead = b[i]
                if lead < 0x80 {
                    let k = table[Int(lead)]
                    if k == .letter {
                        sawLetter = true
                        if sawDigit { rpPrefix = false }
                        var x = lead
                        if x <= 0x5A { upper = true; x += 32 }
                        buffer.append(x); h ^= UInt64(x); h &*= prime
                        i += 1; cp += 1; prev = .letter
                        continue
                    }
                    if k == .digit {
                        if !sawDigit { rpPrefix = sawLetter && buffer.count == 2 && buffer[0] == 0x72 && buffer[1] == 0x70 }
                        sawDigit = true
                        buffer.append(lead); h ^= UInt64(lead); h &*= prime
                        i += 1; cp += 1; prev = .digit
                        continue
                    }
                    c = Unicode.Scalar(lead); l = 1
                } else {
                    (c, l) = decode(b, i)
                }
                let k = cls(c)
                if k == .letter || k == .mark {
                    if k == .letter { sawLetter = true; if sawDigit { rpPrefix = false } }
                    let before = buffer.count
                    if c.properties.changesWhenLowercased {
                        upper = true
                        buffer.append(contentsOf: c.properties.lowercaseMapping.utf8)
                    } else {
                        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<(i + l)]))
                    }
                    for x in buffer[before...] { h ^= UInt64(x); h &*= prime }
                    i += l; cp += 1; prev = k
                } else if k == .digit {
                    if !sawDigit { rpPrefix = sawLetter && buffer.count == 2 && buffer[0] == 0x72 && buffer[1] == 0x70 }
                    sawDigit = true
                    for x in UnsafeBufferPointer(rebasing: b[i..<(i + l)]) { buffer.append(x); h ^= UInt64(x); h &*= prime }
                    i += l; cp += 1; prev = k
                } else if i + l < n, !buffer.isEmpty {
                    let next = cls(decode(b, i + l).0)
                    let v = c.value
                    let isWordJoiner = v == 0x2D || v == 0x27 || v == 0x2019 || v == 0x2010 || v == 0x2011
                    let joinsWord = isWordJoiner && next == .letter && (prev == .letter || prev == .mark)
                    let joinsNumber = (v == 0x2E || v == 0x2C || v == 0x2F || v == 0x3A) && next == .digit && prev == .digit && (!sawLetter || rpPrefix)
                    if joinsWord || joinsNumber {
                        let x: UInt8 = v == 0x2019 ? 0x27 : (v == 0x2010 || v == 0x2011) ? 0x2D : UInt8(v)
                        buffer.append(x); h ^= UInt64(x); h &*= prime
                        i += l; cp += 1; prev = .other
                    } else { break }
                } else { break }
            }
            if !sawLetter {
                emit(start..<cp, buffer[...], number: true, upper: false, percent: false, tokenHash: h)
            } else if sawDigit, rpPrefix, buffer.count > 2 {
                emit(start..<(start + 2), buffer[0..<2], number: false, upper: upper, percent: false, tokenHash: fnv(buffer[0..<2]))
                let rest = buffer[2...]
                let numeric = rest.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2C }
                emit((start + 2)..<cp, rest, number: numeric, upper: false, percent: false, tokenHash: fnv(rest))
            } else {
                emit(start..<cp, buffer[...], number: false, upper: upper, percent: false, tokenHash: h)
            }
        }
        return sawToken ? hash : punctHash ^ 0x5555_5555_5555_5555
    }

    static let asciiClasses: [ScalarClass] = (0..<128).map { classify(Unicode.Scalar(UInt8($0))) }

    @inline(__always)
    static func appendUTF8(_ c: Unicode.Scalar, to buffer: inout [UInt8]) {
        let v = c.value
        if v < 0x80 { buffer.append(UInt8(v)) } else { buffer.append(contentsOf: String(c).utf8) }
    }

    enum ScalarClass { case letter, digit, mark, space, other }

    @inline(__always)
    static func classify(_ s: Unicode.Scalar) -> ScalarClass {
        let v = s.value
        if v < 0x80 {
            if (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) { return .letter }
            if v >= 0x30 && v <= 0x39 { return .digit }
            if v == 0x20 || (v >= 0x09 && v <= 0x0D) { return .space }
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
