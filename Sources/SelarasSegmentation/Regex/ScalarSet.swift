/// A set of Unicode scalars, the compiled form of a regular-expression character class.
///
/// Membership of ASCII scalars is a bitmap lookup; other scalars are tested against the class
/// expression (ranges, Unicode properties, set operations). Case-insensitive sets also accept
/// the simple lower-, upper- and title-case mappings of a scalar.
struct ScalarSet: Sendable {
    /// The class expression, as written in the pattern.
    indirect enum Node: Sendable {
        case ranges([ClosedRange<UInt32>])
        case property(UnicodeProperty)
        case union([Node])
        case intersection(Node, Node)
        case subtraction(Node, Node)
        case complement(Node)

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
    }

    let node: Node
    let caseInsensitive: Bool
    private let lo: UInt64
    private let hi: UInt64
    /// Whether the set may contain a scalar above U+007F (conservative).
    let mayContainNonASCII: Bool

    init(_ node: Node, caseInsensitive: Bool = false) {
        self.node = node
        self.caseInsensitive = caseInsensitive
        var lo: UInt64 = 0, hi: UInt64 = 0
        for v in UInt32(0)..<128 where Self.evaluate(node, v, caseInsensitive) {
            if v < 64 { lo |= 1 << UInt64(v) } else { hi |= 1 << UInt64(v - 64) }
        }
        self.lo = lo
        self.hi = hi
        self.mayContainNonASCII = Self.mayHaveNonASCII(node)
    }

    /// A set of exactly these scalars.
    init(scalars: [UInt32]) {
        self.init(.ranges(scalars.map { $0...$0 }))
    }

    @inline(__always)
    func contains(_ v: UInt32) -> Bool {
        if v < 64 { return lo & (1 << UInt64(v)) != 0 }
        if v < 128 { return hi & (1 << UInt64(v - 64)) != 0 }
        return Self.evaluate(node, v, caseInsensitive)
    }

    private static func evaluate(_ node: Node, _ v: UInt32, _ ci: Bool) -> Bool {
        if node.contains(v) { return true }
        guard ci else { return false }
        for w in CaseVariants.of(v) where w != v && node.contains(w) { return true }
        return false
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

/// Simple (one-scalar) case mappings, for case-insensitive matching.
enum CaseVariants {
    static func of(_ v: UInt32) -> [UInt32] {
        if v < 128 {
            if v >= 0x41 && v <= 0x5A { return [v, v + 32] }
            if v >= 0x61 && v <= 0x7A { return [v, v - 32] }
            return [v]
        }
        guard let s = Unicode.Scalar(v) else { return [v] }
        var out: [UInt32] = [v]
        let p = s.properties
        for m in [p.lowercaseMapping, p.uppercaseMapping, p.titlecaseMapping] {
            let us = m.unicodeScalars
            if us.count == 1, let f = us.first, !out.contains(f.value) { out.append(f.value) }
        }
        return out
    }
}

/// The Unicode properties a class may name with `\p{...}` or `[:...:]`.
enum UnicodeProperty: Sendable, Equatable {
    /// A union of general categories, as a bit mask over `GeneralCategoryIndex`.
    case categories(UInt32)
    case alphabetic, uppercase, lowercase, whitespace, word, hexDigit, ascii, any, blank, graph, print, alnum

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
