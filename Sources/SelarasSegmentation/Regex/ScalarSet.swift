/// A set of Unicode scalars, the compiled form of a regular-expression character class.
///
/// Membership of ASCII scalars is a bitmap lookup; other scalars are tested against the class
/// expression (ranges, Unicode properties, set operations). Case-insensitive sets also accept
/// each scalar that `CaseVariants` relates to a member (`K` and KELVIN SIGN for `k`).
struct ScalarSet: Sendable {
    /// The class expression, as written in the pattern.
    indirect enum Node: Sendable {
        case ranges([ClosedRange<UInt32>])
        case property(UnicodeProperty)
        case union([Node])
        case intersection(Node, Node)
        case subtraction(Node, Node)
        case complement(Node)

        /// A text that is equal for equal expressions (to recognise the same class written twice).
        var key: String {
            switch self {
            case let .ranges(rs): return "[" + rs.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ",") + "]"
            case let .property(p): return "p" + p.key
            case let .union(ns): return "u(" + ns.map(\.key).joined(separator: ";") + ")"
            case let .intersection(a, b): return "i(" + a.key + ";" + b.key + ")"
            case let .subtraction(a, b): return "s(" + a.key + ";" + b.key + ")"
            case let .complement(a): return "c(" + a.key + ")"
            }
        }

        func contains(_ v: UInt32) -> Bool {
            switch self {
            case let .ranges(rs):
                for r in rs where r.contains(v) { return true }
                return false
            case let .property(p):
                return p.contains(v)
            case let .union(ns):
                for n in ns where n.contains(v) { return true }
                return false
            case let .intersection(a, b):
                return a.contains(v) && b.contains(v)
            case let .subtraction(a, b):
                return a.contains(v) && !b.contains(v)
            case let .complement(a):
                return !a.contains(v)
            }
        }

        /// Membership with each range and property case-folded before the set operations: a
        /// scalar is in a leaf when one of `variants` (the scalar's `CaseVariants`) is. So
        /// `(?i)[^k]` excludes `K` and KELVIN SIGN, as in Java and ICU, instead of complementing
        /// first and folding after (which let `K` in).
        func contains(anyOf variants: [UInt32]) -> Bool {
            switch self {
            case .ranges, .property:
                for w in variants where contains(w) { return true }
                return false
            case let .union(ns):
                for n in ns where n.contains(anyOf: variants) { return true }
                return false
            case let .intersection(a, b):
                return a.contains(anyOf: variants) && b.contains(anyOf: variants)
            case let .subtraction(a, b):
                return a.contains(anyOf: variants) && !b.contains(anyOf: variants)
            case let .complement(a):
                return !a.contains(anyOf: variants)
            }
        }
    }

    let node: Node
    let caseInsensitive: Bool
    private let lo: UInt64
    private let hi: UInt64
    /// Bitmaps of U+0080–U+00FF (Latin-1: é, NBSP, «) and U+2000–U+207F (general punctuation:
    /// dashes, curly quotes, …), the non-ASCII scalars Indonesian text is made of.
    private let latin: (UInt64, UInt64)
    private let punctuation: (UInt64, UInt64)
    private let tabulated: Bool
    /// Whether the set may contain a scalar above U+007F (conservative).
    let mayContainNonASCII: Bool

    /// `tableNonASCII`: also tabulate Latin-1 and general punctuation (for sets that are matched
    /// against text; sets made only to build pre-tests skip it).
    ///
    /// The bitmaps are computed from the expression (`Tabulation`), not by testing each of the 384
    /// scalars: compiling a class was a quarter of the regex fuzz target's time and a tenth of
    /// `selaras segment`'s start-up. `tabulationAgrees` in the tests holds the two equal.
    init(_ node: Node, caseInsensitive: Bool = false, tableNonASCII: Bool = true) {
        self.node = node
        self.caseInsensitive = caseInsensitive
        let t = Tabulation.of(node, caseInsensitive: caseInsensitive)
        self.lo = t.w.0
        self.hi = t.w.1
        // Folded, `k` brings in KELVIN SIGN, `s` LONG S, `i` dotless ı: non-ASCII members.
        let special = CaseVariants.asciiWithNonASCIIVariants
        let mayHaveNonASCII = Self.mayHaveNonASCII(node)
            || caseInsensitive && (t.w.0 & special.0 != 0 || t.w.1 & special.1 != 0)
        self.mayContainNonASCII = mayHaveNonASCII
        let tabulated = mayHaveNonASCII && tableNonASCII
        self.tabulated = tabulated
        self.latin = tabulated ? (t.w.2, t.w.3) : (0, 0)
        self.punctuation = tabulated ? (t.w.4, t.w.5) : (0, 0)
    }

    /// A set of exactly these scalars.
    init(scalars: [UInt32], tableNonASCII: Bool = true) {
        self.init(.ranges(scalars.map { $0...$0 }), tableNonASCII: tableNonASCII)
    }

    /// The members below U+0080 as two bitmaps (U+0000–U+003F, U+0040–U+007F).
    var asciiBits: (UInt64, UInt64) { (lo, hi) }

    @inline(__always)
    func contains(_ v: UInt32) -> Bool {
        if v < 64 { return lo & (1 << UInt64(v)) != 0 }
        if v < 128 { return hi & (1 << UInt64(v - 64)) != 0 }
        guard tabulated else { return Self.evaluate(node, v, caseInsensitive) }
        if v < 0x100 { return Self.bit(latin, v - 0x80) }
        if v >= 0x2000 && v < 0x2080 { return Self.bit(punctuation, v - 0x2000) }
        return Self.evaluate(node, v, caseInsensitive)
    }

    @inline(__always)
    private static func bit(_ words: (UInt64, UInt64), _ k: UInt32) -> Bool {
        k < 64 ? words.0 & (1 << UInt64(k)) != 0 : words.1 & (1 << UInt64(k - 64)) != 0
    }

    /// Membership by the expression itself (what the bitmaps tabulate).
    static func evaluate(_ node: Node, _ v: UInt32, _ ci: Bool) -> Bool {
        ci ? node.contains(anyOf: CaseVariants.of(v)) : node.contains(v)
    }

    private static func mayHaveNonASCII(_ node: Node) -> Bool {
        switch node {
        case let .ranges(rs): return rs.contains { $0.upperBound >= 128 }
        case .property: return true
        case let .union(ns): return ns.contains(where: mayHaveNonASCII)
        case let .intersection(a, b): return mayHaveNonASCII(a) && mayHaveNonASCII(b)
        case let .subtraction(a, _): return mayHaveNonASCII(a)
        case .complement: return true
        }
    }
}

/// A class expression's members among the 384 scalars `ScalarSet` tabulates: U+0000–U+007F,
/// U+0080–U+00FF and U+2000–U+207F, as six 64-bit words in that order. Computed bottom-up, as
/// set algebra on bitmaps: ranges are cut to the windows, each property's bitmap is computed
/// once per process, and union, intersection, subtraction and complement are word operations.
struct Tabulation: Sendable {
    var w: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    static let none = Tabulation(w: (0, 0, 0, 0, 0, 0))

    /// The number of window bits (384); `SRXEngine`'s rule bitmaps use the same windows.
    static let bitCount = 0x180

    /// The window bit of scalar `v`, or nil outside the windows.
    @inline(__always)
    static func bit(_ v: UInt32) -> Int? {
        if v < 0x100 { return Int(v) }
        if v >= 0x2000 && v < 0x2080 { return 0x100 + Int(v - 0x2000) }
        return nil
    }

    /// The scalar of window bit `b`.
    @inline(__always)
    static func scalar(_ b: Int) -> UInt32 { b < 0x100 ? UInt32(b) : 0x2000 + UInt32(b - 0x100) }

    @inline(__always)
    func has(_ b: Int) -> Bool {
        withUnsafeBytes(of: w) { $0.load(fromByteOffset: (b >> 6) * 8, as: UInt64.self) } & (1 << UInt64(b & 63)) != 0
    }

    @inline(__always)
    mutating func insert(_ b: Int) {
        withUnsafeMutableBytes(of: &w) { raw in
            let word = raw.load(fromByteOffset: (b >> 6) * 8, as: UInt64.self) | (1 << UInt64(b & 63))
            raw.storeBytes(of: word, toByteOffset: (b >> 6) * 8, as: UInt64.self)
        }
    }

    static func | (a: Tabulation, b: Tabulation) -> Tabulation {
        Tabulation(w: (a.w.0 | b.w.0, a.w.1 | b.w.1, a.w.2 | b.w.2, a.w.3 | b.w.3, a.w.4 | b.w.4, a.w.5 | b.w.5))
    }

    static func & (a: Tabulation, b: Tabulation) -> Tabulation {
        Tabulation(w: (a.w.0 & b.w.0, a.w.1 & b.w.1, a.w.2 & b.w.2, a.w.3 & b.w.3, a.w.4 & b.w.4, a.w.5 & b.w.5))
    }

    static prefix func ~ (a: Tabulation) -> Tabulation {
        Tabulation(w: (~a.w.0, ~a.w.1, ~a.w.2, ~a.w.3, ~a.w.4, ~a.w.5))
    }

    /// The members of `node`; with `caseInsensitive`, of `node` with each leaf case-folded
    /// (`ScalarSet.evaluate`).
    static func of(_ node: ScalarSet.Node, caseInsensitive: Bool) -> Tabulation {
        guard caseInsensitive else { return of(node) }
        switch node {
        case .ranges, .property:
            // A leaf, folded: add each window scalar one of whose variants is a member.
            let plain = of(node)
            var out = plain
            for (b, variants) in caseVariants where !plain.has(b) {
                for v in variants where Self.bit(v).map(plain.has) ?? node.contains(v) {
                    out.insert(b)
                    break
                }
            }
            return out
        case let .union(ns):
            return ns.reduce(Tabulation.none) { $0 | of($1, caseInsensitive: true) }
        case let .intersection(a, b):
            return of(a, caseInsensitive: true) & of(b, caseInsensitive: true)
        case let .subtraction(a, b):
            return of(a, caseInsensitive: true) & ~of(b, caseInsensitive: true)
        case let .complement(a):
            return ~of(a, caseInsensitive: true)
        }
    }

    static func of(_ node: ScalarSet.Node) -> Tabulation {
        switch node {
        case let .ranges(rs):
            var t = Tabulation.none
            for r in rs {
                // The windows are 0x0000–0x00FF and 0x2000–0x207F; set the bits of each overlap.
                for (start, end) in [(UInt32(0), UInt32(0xFF)), (UInt32(0x2000), UInt32(0x207F))] {
                    let a = max(r.lowerBound, start), b = min(r.upperBound, end)
                    guard a <= b else { continue }
                    for v in a...b { t.insert(bit(v)!) }
                }
            }
            return t
        case let .property(p):
            return property(p)
        case let .union(ns):
            return ns.reduce(Tabulation.none) { $0 | of($1) }
        case let .intersection(a, b):
            return of(a) & of(b)
        case let .subtraction(a, b):
            return of(a) & ~of(b)
        case let .complement(a):
            return ~of(a)
        }
    }

    /// A property's bitmap: general-category masks from the per-category bitmaps, the others
    /// tabulated once.
    static func property(_ p: UnicodeProperty) -> Tabulation {
        switch p {
        case let .categories(mask):
            var t = Tabulation.none
            for (k, c) in categories.enumerated() where mask & (1 << UInt32(k)) != 0 { t = t | c }
            return t
        case .alphabetic: return named[0]
        case .uppercase: return named[1]
        case .lowercase: return named[2]
        case .whitespace: return named[3]
        case .word: return named[4]
        case .hexDigit: return named[5]
        case .ascii: return named[6]
        case .any: return named[7]
        case .blank: return named[8]
        case .graph: return named[9]
        case .print: return named[10]
        case .alnum: return named[11]
        }
    }

    private static func tabulate(_ test: (UInt32) -> Bool) -> Tabulation {
        var t = Tabulation.none
        for b in 0..<bitCount where test(scalar(b)) { t.insert(b) }
        return t
    }

    /// Bitmap of each general category, in `GeneralCategoryIndex` order.
    static let categories: [Tabulation] = (0..<30).map { k in
        tabulate { v in UnicodeProperty.categories(1 << UInt32(k)).contains(v) }
    }

    /// Bitmaps of the other properties, in the order `property(_:)` reads them.
    static let named: [Tabulation] = ([.alphabetic, .uppercase, .lowercase, .whitespace, .word, .hexDigit,
                                       .ascii, .any, .blank, .graph, .print, .alnum] as [UnicodeProperty]).map { p in
        tabulate(p.contains)
    }

    /// The window scalars that have simple case mappings other than themselves, with those mappings.
    static let caseVariants: [(Int, [UInt32])] = (0..<bitCount).compactMap { b in
        let v = scalar(b)
        let others = CaseVariants.of(v).filter { $0 != v }
        return others.isEmpty ? nil : (b, others)
    }
}

/// Case-insensitive equivalence of scalars, from the simple (one-scalar) case mappings.
///
/// Two scalars match case-insensitively when one is reached from the other by lower-, upper- or
/// title-case mappings, in either direction: `k`, `K` and KELVIN SIGN (U+212A, whose lower case
/// is `k`); `s`, `S` and LONG S (U+017F, whose upper case is `S`); `σ`, `Σ` and final `ς`. This is
/// Java's `(?iu)` and, for these scalars, ICU's simple case folding, except that dotless `ı`
/// (U+0131) matches `i` and `I` as in Java (ICU folds it only under Turkish rules).
enum CaseVariants {
    /// The scalars that match `v` case-insensitively, `v` first. Symmetric: `w` is in `of(v)`
    /// exactly when `v` is in `of(w)`.
    static func of(_ v: UInt32) -> [UInt32] {
        if v < 128 {
            let other: UInt32
            if v >= 0x41 && v <= 0x5A { other = v + 32 } else if v >= 0x61 && v <= 0x7A { other = v - 32 } else { return [v] }
            if let e = reverse[v] { return [v, other] + e }
            return [v, other]
        }
        var out = forward(v)
        for u in out {
            for w in reverse[u] ?? [] where !out.contains(w) { out.append(w) }
        }
        return out
    }

    /// `v` and what the mappings reach from it, repeatedly (at most three scalars in Unicode 15).
    static func forward(_ v: UInt32) -> [UInt32] {
        var out: [UInt32] = [v]
        var k = 0
        while k < out.count {
            guard let s = Unicode.Scalar(out[k]) else { break }
            let p = s.properties
            for m in [p.lowercaseMapping, p.uppercaseMapping, p.titlecaseMapping] {
                let us = m.unicodeScalars
                if us.count == 1, let f = us.first, !out.contains(f.value) { out.append(f.value) }
            }
            k += 1
        }
        return out
    }

    /// The scalars `forward` reaches a key from but that the key's own `forward` does not reach:
    /// the other direction of the relation. Taken from the Unicode data (`testReverseTable`
    /// recomputes it from every scalar and fails if the runtime's Unicode version disagrees).
    static let reverse: [UInt32: [UInt32]] = [
        0x49: [0x131], 0x4B: [0x212A], 0x53: [0x17F], 0x69: [0x131], 0x6B: [0x212A], 0x73: [0x17F],
        0xC5: [0x212B], 0xDF: [0x1E9E], 0xE5: [0x212B],
        0x392: [0x3D0], 0x395: [0x3F5], 0x398: [0x3D1, 0x3F4], 0x399: [0x345, 0x1FBE], 0x39A: [0x3F0],
        0x39C: [0xB5], 0x3A0: [0x3D6], 0x3A1: [0x3F1], 0x3A3: [0x3C2], 0x3A6: [0x3D5], 0x3A9: [0x2126],
        0x3B2: [0x3D0], 0x3B5: [0x3F5], 0x3B8: [0x3D1, 0x3F4], 0x3B9: [0x345, 0x1FBE], 0x3BA: [0x3F0],
        0x3BC: [0xB5], 0x3C0: [0x3D6], 0x3C1: [0x3F1], 0x3C3: [0x3C2], 0x3C6: [0x3D5], 0x3C9: [0x2126],
        0x412: [0x1C80], 0x414: [0x1C81], 0x41E: [0x1C82], 0x421: [0x1C83], 0x422: [0x1C84, 0x1C85],
        0x42A: [0x1C86], 0x432: [0x1C80], 0x434: [0x1C81], 0x43E: [0x1C82], 0x441: [0x1C83],
        0x442: [0x1C84, 0x1C85], 0x44A: [0x1C86], 0x462: [0x1C87], 0x463: [0x1C87],
        0x1E60: [0x1E9B], 0x1E61: [0x1E9B], 0xA64A: [0x1C88], 0xA64B: [0x1C88],
    ]

    /// The ASCII scalars with a non-ASCII scalar among their variants (`I K S i k s`), as the
    /// two 64-bit words of an ASCII bitmap: a case-insensitive set holding one may match above U+007F.
    static let asciiWithNonASCIIVariants: (UInt64, UInt64) = reverse.keys.filter { $0 < 128 }.reduce((0, 0)) { acc, v in
        v < 64 ? (acc.0 | 1 << UInt64(v), acc.1) : (acc.0, acc.1 | 1 << UInt64(v - 64))
    }
}

/// The Unicode properties a class may name with `\p{...}` or `[:...:]`.
enum UnicodeProperty: Sendable, Equatable {
    /// A union of general categories, as a bit mask over `GeneralCategoryIndex`.
    case categories(UInt32)
    case alphabetic, uppercase, lowercase, whitespace, word, hexDigit, ascii, any, blank, graph, print, alnum

    /// A text identifying the property, for `ScalarSet.Node.key`.
    var key: String {
        switch self {
        case let .categories(mask): return "gc\(mask)"
        case .alphabetic: return "alpha"
        case .uppercase: return "upper"
        case .lowercase: return "lower"
        case .whitespace: return "space"
        case .word: return "word"
        case .hexDigit: return "xdigit"
        case .ascii: return "ascii"
        case .any: return "any"
        case .blank: return "blank"
        case .graph: return "graph"
        case .print: return "print"
        case .alnum: return "alnum"
        }
    }

    func contains(_ v: UInt32) -> Bool {
        guard let s = Unicode.Scalar(v) else { return self == .any }
        switch self {
        case let .categories(mask):
            return mask & (1 << Self.categoryIndex(s.properties.generalCategory)) != 0
        case .alphabetic: return s.properties.isAlphabetic
        case .uppercase: return s.properties.isUppercase
        case .lowercase: return s.properties.isLowercase
        case .whitespace: return s.properties.isWhitespace
        case .word: return Self.isWord(s)
        case .hexDigit: return s.properties.isASCIIHexDigit
        case .ascii: return v < 128
        case .any: return true
        case .blank:
            return v == 9 || s.properties.generalCategory == .spaceSeparator
        case .graph:
            let c = Self.categoryIndex(s.properties.generalCategory)
            return !s.properties.isWhitespace && (Self.otherMask & (1 << c)) == 0
        case .print:
            let c = Self.categoryIndex(s.properties.generalCategory)
            return (!s.properties.isWhitespace || s.properties.generalCategory == .spaceSeparator) && (Self.otherMask & (1 << c)) == 0
        case .alnum:
            return s.properties.isAlphabetic || s.properties.generalCategory == .decimalNumber
        }
    }

    /// ICU's `\w`: alphabetic, marks, decimal digits, connector punctuation, ZWNJ and ZWJ.
    @inline(__always)
    static func isWord(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 128 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
        }
        if v == 0x200C || v == 0x200D { return true }
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }

    static func isWord(_ v: UInt32) -> Bool {
        guard let s = Unicode.Scalar(v) else { return false }
        return isWord(s)
    }

    static let categoryOrder: [Unicode.GeneralCategory] = [
        .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .nonspacingMark, .spacingMark, .enclosingMark,
        .decimalNumber, .letterNumber, .otherNumber,
        .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
        .initialPunctuation, .finalPunctuation, .otherPunctuation,
        .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
        .spaceSeparator, .lineSeparator, .paragraphSeparator,
        .control, .format, .surrogate, .privateUse, .unassigned,
    ]

    @inline(__always)
    static func categoryIndex(_ c: Unicode.GeneralCategory) -> UInt32 {
        switch c {
        case .uppercaseLetter: return 0
        case .lowercaseLetter: return 1
        case .titlecaseLetter: return 2
        case .modifierLetter: return 3
        case .otherLetter: return 4
        case .nonspacingMark: return 5
        case .spacingMark: return 6
        case .enclosingMark: return 7
        case .decimalNumber: return 8
        case .letterNumber: return 9
        case .otherNumber: return 10
        case .connectorPunctuation: return 11
        case .dashPunctuation: return 12
        case .openPunctuation: return 13
        case .closePunctuation: return 14
        case .initialPunctuation: return 15
        case .finalPunctuation: return 16
        case .otherPunctuation: return 17
        case .mathSymbol: return 18
        case .currencySymbol: return 19
        case .modifierSymbol: return 20
        case .otherSymbol: return 21
        case .spaceSeparator: return 22
        case .lineSeparator: return 23
        case .paragraphSeparator: return 24
        case .control: return 25
        case .format: return 26
        case .surrogate: return 27
        case .privateUse: return 28
        case .unassigned: return 29
        @unknown default: return 29
        }
    }

    private static func mask(_ range: ClosedRange<UInt32>) -> UInt32 {
        var m: UInt32 = 0
        for i in range { m |= 1 << i }
        return m
    }

    static let otherMask: UInt32 = mask(25...29)

    /// Looks a property up by the names ICU and Java accept (loose matching: case, spaces,
    /// underscores and hyphens are ignored). Returns nil for names Selaras does not support
    /// (scripts, blocks and other binary properties).
    static func named(_ raw: String) -> UnicodeProperty? {
        var name = raw
        // `gc=Lu`, `General_Category=Lu`, `Is...` (Java) prefixes.
        if let eq = name.firstIndex(of: "=") ?? name.firstIndex(of: ":") {
            let key = loose(String(name[..<eq]))
            guard key == "gc" || key == "generalcategory" else { return nil }
            name = String(name[name.index(after: eq)...])
        }
        var key = loose(name)
        if let p = table[key] { return p }
        if key.hasPrefix("is") {
            key.removeFirst(2)
            if let p = table[key] { return p }
        }
        return nil
    }

    static func loose(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { $0 != " " && $0 != "_" && $0 != "-" })
    }

    static let table: [String: UnicodeProperty] = {
        var t: [String: UnicodeProperty] = [:]
        let gc: [(String, String, ClosedRange<UInt32>)] = [
            ("l", "letter", 0...4), ("lu", "uppercaseletter", 0...0), ("ll", "lowercaseletter", 1...1),
            ("lt", "titlecaseletter", 2...2), ("lm", "modifierletter", 3...3), ("lo", "otherletter", 4...4),
            ("m", "mark", 5...7), ("mn", "nonspacingmark", 5...5), ("mc", "spacingmark", 6...6),
            ("me", "enclosingmark", 7...7), ("n", "number", 8...10), ("nd", "decimalnumber", 8...8),
            ("nl", "letternumber", 9...9), ("no", "othernumber", 10...10), ("p", "punctuation", 11...17),
            ("pc", "connectorpunctuation", 11...11), ("pd", "dashpunctuation", 12...12),
            ("ps", "openpunctuation", 13...13), ("pe", "closepunctuation", 14...14),
            ("pi", "initialpunctuation", 15...15), ("pf", "finalpunctuation", 16...16),
            ("po", "otherpunctuation", 17...17), ("s", "symbol", 18...21), ("sm", "mathsymbol", 18...18),
            ("sc", "currencysymbol", 19...19), ("sk", "modifiersymbol", 20...20), ("so", "othersymbol", 21...21),
            ("z", "separator", 22...24), ("zs", "spaceseparator", 22...22), ("zl", "lineseparator", 23...23),
            ("zp", "paragraphseparator", 24...24), ("c", "other", 25...29), ("cc", "control", 25...25),
            ("cf", "format", 26...26), ("cs", "surrogate", 27...27), ("co", "privateuse", 28...28),
            ("cn", "unassigned", 29...29),
        ]
        for (short, long, r) in gc {
            t[short] = .categories(mask(r))
            t[long] = .categories(mask(r))
        }
        t["lc"] = .categories(mask(0...2))
        t["casedletter"] = .categories(mask(0...2))
        t["l&"] = .categories(mask(0...2))
        t["digit"] = .categories(mask(8...8))
        t["punct"] = .categories(mask(11...17))
        t["cntrl"] = .categories(mask(25...25))
        t["assigned"] = .categories(mask(0...28))
        for (k, v) in [("alphabetic", UnicodeProperty.alphabetic), ("alpha", .alphabetic),
                       ("uppercase", .uppercase), ("upper", .uppercase), ("lowercase", .lowercase),
                       ("lower", .lowercase), ("whitespace", .whitespace), ("wspace", .whitespace),
                       ("space", .whitespace), ("word", .word), ("xdigit", .hexDigit),
                       ("hexdigit", .hexDigit), ("asciihexdigit", .hexDigit), ("ascii", .ascii), ("any", .any),
                       ("blank", .blank), ("graph", .graph), ("print", .print), ("alnum", .alnum),
                       ("javalowercase", .lowercase), ("javauppercase", .uppercase),
                       ("javawhitespace", .whitespace), ("javaletter", .categories(mask(0...4))),
                       ("javadigit", .categories(mask(8...8))), ("javaalphabetic", .alphabetic),
                       ("javaletterordigit", .categories(mask(0...4) | mask(8...8))),
                       ("javaspacechar", .categories(mask(22...24)))] {
            t[k] = v
        }
        return t
    }()
}
