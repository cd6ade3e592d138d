/// Parses ICU/Java regular-expression syntax into a `RegexNode`.
///
/// Supported: literals and escapes (`\t \n \r \f \a \e \0ooo \xhh \x{h...} \uhhhh \Uhhhhhhhh \cX`,
/// `\Q...\E`, escaped punctuation), `.`, classes with ranges, negation, nesting, `&&` intersection,
/// `--` subtraction, POSIX `[:name:]`, `\d \D \w \W \s \S \h \H \v \V \R`, `\p{..}`/`\P{..}` for
/// general categories and common binary properties, anchors `^ $ \A \z \Z \b \B`, groups
/// `( )`, `(?: )`, `(?<name> )`, atomic `(?> )`, look-around `(?= ) (?! ) (?<= ) (?<! )` (look-behind
/// of any length), quantifiers `* + ? {n} {n,} {n,m}` greedy, lazy and possessive, inline flags
/// `(?ismx-ismx)` and `(?ismx-ismx: )`, and `#` comments in `(?x)` mode.
/// Not supported (reported as errors): back-references, `\G`, `\X`, `\N{...}`, `\k<name>`,
/// script and block properties, and `(?w)`.
struct RegexParser {
    struct Flags {
        var caseInsensitive = false
        var dotAll = false
        var multiline = false
        var extended = false
    }

    private let s: [UInt32]
    private var i = 0
    private var flags: Flags
    /// Set when the last atom was a \Q...\E run.
    private var quoted = false

    init(_ pattern: String, caseInsensitive: Bool = false) {
        s = pattern.unicodeScalars.map(\.value)
        flags = Flags(caseInsensitive: caseInsensitive)
    }

    static func parse(_ pattern: String, caseInsensitive: Bool = false) throws(RegexSyntaxError) -> RegexNode {
        var p = RegexParser(pattern, caseInsensitive: caseInsensitive)
        let node = try p.parseAlternation()
        if p.i < p.s.count {
            throw p.error(p.s[p.i] == 0x29 ? "unmatched ')'" : "unexpected character", at: p.i)
        }
        return node
    }

    private func error(_ message: String, at pos: Int? = nil) -> RegexSyntaxError {
        RegexSyntaxError(column: (pos ?? i) + 1, message: message)
    }

    private var atEnd: Bool { i >= s.count }
    private func peek(_ k: Int = 0) -> UInt32? { i + k < s.count ? s[i + k] : nil }

    private mutating func skipExtended() {
        guard flags.extended else { return }
        while let c = peek() {
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C || c == 0x0B {
                i += 1
            } else if c == 0x23 {  // '#': comment to end of line
                while let d = peek(), d != 0x0A { _ = d; i += 1 }
            } else { break }
        }
    }

    private mutating func parseAlternation() throws(RegexSyntaxError) -> RegexNode {
        var branches: [RegexNode] = []
        let saved = flags
        branches.append(try parseConcat())
        while peek() == 0x7C {  // |
            i += 1
            branches.append(try parseConcat())
        }
        // Inline flags set in a group last until the group ends.
        flags = saved
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseConcat() throws(RegexSyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while true {
            skipExtended()
            guard let c = peek(), c != 0x7C, c != 0x29 else { break }
            let atomStart = i
            quoted = false
            guard var atom = try parseAtom() else { continue }
            // A quantifier after \Q...\E applies to its last character only.
            if quoted, case let .concat(run) = atom, let last = run.last {
                items += run.dropLast()
                atom = last
            }
            let q = try parseQuantifier(on: atom, atomStart: atomStart)
            items.append(q)
        }
        if items.isEmpty { return .empty }
        return items.count == 1 ? items[0] : .concat(items)
    }

    private mutating func parseQuantifier(on atom: RegexNode, atomStart: Int) throws(RegexSyntaxError) -> RegexNode {
        var node = atom
        while true {
            skipExtended()
            guard let c = peek() else { return node }
            var min = 0, max: Int? = nil
            let qStart = i
            switch c {
            case 0x2A: min = 0; max = nil; i += 1
            case 0x2B: min = 1; max = nil; i += 1
            case 0x3F: min = 0; max = 1; i += 1
            case 0x7B:
                guard let (lo, hi) = parseBraces() else { return node }
                min = lo; max = hi
            default: return node
            }
            if case .assertion = node { throw error("a quantifier cannot follow an anchor", at: qStart) }
            if case .look = node { throw error("a quantifier cannot follow a look-around", at: qStart) }
            if let max, max < min { throw error("{n,m} with m < n", at: qStart) }
            if min > 1000 || (max ?? 0) > 1000 { throw error("repetition counts above 1000 are not supported", at: qStart) }
            var mode = RepetitionMode.greedy
            if peek() == 0x3F { mode = .lazy; i += 1 } else if peek() == 0x2B { mode = .possessive; i += 1 }
            node = .repetition(node, min: min, max: max, mode: mode)
        }
    }

    /// `{n}`, `{n,}`, `{n,m}`; nil (and no input consumed) when the brace does not start one,
    /// in which case it is a literal.
    private mutating func parseBraces() -> (Int, Int?)? {
        var j = i + 1
        func number() -> Int? {
            var v = 0, any = false
            while j < s.count, s[j] >= 0x30, s[j] <= 0x39 {
                v = Swift.min(v * 10 + Int(s[j] - 0x30), 1_000_000); any = true; j += 1
            }
            return any ? v : nil
        }
        guard let lo = number() else { return nil }
        var hi: Int? = lo
        if j < s.count, s[j] == 0x2C {
            j += 1
            hi = number()
        }
        guard j < s.count, s[j] == 0x7D else { return nil }
        i = j + 1
        return (lo, hi)
    }

    private mutating func literal(_ v: UInt32) -> RegexNode {
        if flags.caseInsensitive {
            let variants = CaseVariants.of(v)
            if variants.count > 1 { return .set(ScalarSet(scalars: variants)) }
        }
        return .literal(v)
    }

    /// One atom; nil for constructs that produce nothing (a flag group like `(?i)`).
    private mutating func parseAtom() throws(RegexSyntaxError) -> RegexNode? {
        let c = s[i]
        switch c {
        case 0x28:  // (
            return try parseGroup()
        case 0x5B:  // [
            let node = try parseClass()
            return .set(ScalarSet(node, caseInsensitive: flags.caseInsensitive))
        case 0x2E:
            i += 1
            return .any(dotAll: flags.dotAll)
        case 0x5E:
            i += 1
            return .assertion(flags.multiline ? .lineStart : .textStart)
        case 0x24:
            i += 1
            return .assertion(flags.multiline ? .lineEnd : .textEndOrFinalNewline)
        case 0x5C:
            return try parseEscape()
        case 0x2A, 0x2B, 0x3F:
            throw error("a quantifier with nothing to repeat")
        case 0x7B:
            if parseBraces() != nil { throw error("a quantifier with nothing to repeat") }
            i += 1
            return literal(c)
        default:
            i += 1
            return literal(c)
        }
    }

    private mutating func parseGroup() throws(RegexSyntaxError) -> RegexNode? {
        let open = i
        i += 1
        enum Kind { case plain, atomic, look(ahead: Bool, negative: Bool) }
        var kind = Kind.plain
        let saved = flags
        if peek() == 0x3F {  // (?
            i += 1
            guard let c = peek() else { throw error("unterminated group", at: open) }
            switch c {
            case 0x3A: i += 1  // (?:
            case 0x3E: i += 1; kind = .atomic  // (?>
            case 0x3D: i += 1; kind = .look(ahead: true, negative: false)
            case 0x21: i += 1; kind = .look(ahead: true, negative: true)
            case 0x3C:  // (?<
                if peek(1) == 0x3D { i += 2; kind = .look(ahead: false, negative: false) }
                else if peek(1) == 0x21 { i += 2; kind = .look(ahead: false, negative: true) }
                else {
                    // (?<name>...)
                    i += 1
                    let nameStart = i
                    while let d = peek(), d != 0x3E { _ = d; i += 1 }
                    guard peek() == 0x3E, i > nameStart else { throw error("bad group name", at: nameStart) }
                    i += 1
                }
            case 0x23:  // (?# comment )
                while let d = peek(), d != 0x29 { _ = d; i += 1 }
                guard peek() == 0x29 else { throw error("unterminated comment", at: open) }
                i += 1
                return nil
            default:
                // Inline flags: (?imsx-imsx) or (?imsx-imsx: ...)
                var on = true
                var newFlags = flags
                while let d = peek(), d != 0x29, d != 0x3A {
                    switch d {
                    case 0x2D: on = false
                    case 0x69: newFlags.caseInsensitive = on
                    case 0x73: newFlags.dotAll = on
                    case 0x6D: newFlags.multiline = on
                    case 0x78: newFlags.extended = on
                    case 0x75, 0x64: break  // Unicode case (always on) and UNIX lines: no effect here
                    case 0x77: throw error("the (?w) flag (UAX #29 word boundaries) is not supported")
                    default: throw error("unknown group or flag '\(Character(Unicode.Scalar(d) ?? "?"))'")
                    }
                    i += 1
                }
                guard let end = peek() else { throw error("unterminated group", at: open) }
                i += 1
                if end == 0x29 {
                    flags = newFlags  // applies to the rest of the enclosing group
                    return nil
                }
                flags = newFlags
                let inner = try parseAlternation()
                flags = saved
                guard peek() == 0x29 else { throw error("missing ')'", at: open) }
                i += 1
                return inner
            }
        }
        let inner = try parseAlternation()
        flags = saved
        guard peek() == 0x29 else { throw error("missing ')'", at: open) }
        i += 1
        switch kind {
        case .plain: return inner
        case .atomic: return .atomic(inner)
        case let .look(ahead, negative): return .look(inner, ahead: ahead, negative: negative)
        }
    }

    // MARK: escapes

    private mutating func parseEscape() throws(RegexSyntaxError) -> RegexNode? {
        let start = i
        i += 1
        guard let c = peek() else { throw error("a pattern cannot end with '\\'", at: start) }
        switch c {
        case 0x62: i += 1; return .assertion(.wordBoundary)       // \b
        case 0x42: i += 1; return .assertion(.notWordBoundary)    // \B
        case 0x41: i += 1; return .assertion(.textStart)          // \A
        case 0x7A: i += 1; return .assertion(.textEnd)            // \z
        case 0x5A: i += 1; return .assertion(.textEndOrFinalNewline)  // \Z
        case 0x52:  // \R
            i += 1
            return .alternation([
                .concat([.literal(0x0D), .literal(0x0A)]),
                .set(ScalarSet(.ranges([0x0A...0x0D, 0x85...0x85, 0x2028...0x2029]))),
            ])
        case 0x51:  // \Q...\E
            i += 1
            quoted = true
            var items: [RegexNode] = []
            while i < s.count {
                if s[i] == 0x5C, peek(1) == 0x45 { i += 2; return .concat(items) }
                items.append(literal(s[i]))
                i += 1
            }
            return .concat(items)
        case 0x47: throw error("\\G is not supported", at: start)
        case 0x58: throw error("\\X (grapheme clusters) is not supported", at: start)
        case 0x6B: throw error("named back-references (\\k<name>) are not supported", at: start)
        case 0x31...0x39: throw error("back-references are not supported", at: start)
        default:
            if let setNode = try classEscape() {
                return .set(ScalarSet(setNode, caseInsensitive: flags.caseInsensitive))
            }
            let v = try scalarEscape(start: start)
            return literal(v)
        }
    }

    /// `\d \D \w \W \s \S \h \H \v \V \p{..} \P{..}` at `i` (just after the backslash), or nil.
    private mutating func classEscape() throws(RegexSyntaxError) -> ScalarSet.Node? {
        guard let c = peek() else { return nil }
        let horizontal: ScalarSet.Node = .union([.ranges([0x09...0x09]), .property(.categories(1 << 22))])
        let vertical: ScalarSet.Node = .ranges([0x0A...0x0D, 0x85...0x85, 0x2028...0x2029])
        switch c {
        case 0x64: i += 1; return .property(.categories(1 << 8))
        case 0x44: i += 1; return .complement(.property(.categories(1 << 8)))
        case 0x77: i += 1; return .property(.word)
        case 0x57: i += 1; return .complement(.property(.word))
        case 0x73: i += 1; return .property(.whitespace)
        case 0x53: i += 1; return .complement(.property(.whitespace))
        case 0x68: i += 1; return horizontal
        case 0x48: i += 1; return .complement(horizontal)
        case 0x76: i += 1; return vertical
        case 0x56: i += 1; return .complement(vertical)
        case 0x70, 0x50:  // \p \P
            let start = i - 1
            i += 1
            var name = ""
            if peek() == 0x7B {
                i += 1
                while let d = peek(), d != 0x7D { name.unicodeScalars.append(Unicode.Scalar(d)!); i += 1 }
                guard peek() == 0x7D else { throw error("unterminated \\p{", at: start) }
                i += 1
            } else if let d = peek() {
                name = String(Unicode.Scalar(d)!)
                i += 1
            }
            var negate = c == 0x50
            if name.hasPrefix("^") { negate.toggle(); name.removeFirst() }
            guard let prop = UnicodeProperty.named(name) else {
                throw error("unsupported or unknown Unicode property '\(name)'", at: start)
            }
            return negate ? .complement(.property(prop)) : .property(prop)
        default:
            return nil
        }
    }

    /// A literal scalar escape at `i` (just after the backslash).
    private mutating func scalarEscape(start: Int) throws(RegexSyntaxError) -> UInt32 {
        let c = s[i]
        i += 1
        switch c {
        case 0x74: return 0x09
        case 0x6E: return 0x0A
        case 0x72: return 0x0D
        case 0x66: return 0x0C
        case 0x61: return 0x07
        case 0x65: return 0x1B
        case 0x30:  // \0ooo
            var v: UInt32 = 0, n = 0
            while n < 3, let d = peek(), d >= 0x30, d <= 0x37 { v = v * 8 + (d - 0x30); i += 1; n += 1 }
            return v
        case 0x78:  // \xhh or \x{h...}
            if peek() == 0x7B {
                i += 1
                let v = try hex(maxDigits: 8, start: start)
                guard peek() == 0x7D else { throw error("unterminated \\x{", at: start) }
                i += 1
                return try valid(v, start)
            }
            return try valid(try hex(exactly: 2, start: start), start)
        case 0x75: return try valid(try hex(exactly: 4, start: start), start)
        case 0x55: return try valid(try hex(exactly: 8, start: start), start)
        case 0x63:  // \cX
            guard let d = peek() else { throw error("\\c needs a letter", at: start) }
            i += 1
            return d ^ 0x40
        case 0x4E: throw error("\\N{name} is not supported", at: start)
        default:
            let isLetterOrDigit = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            if isLetterOrDigit {
                throw error("unknown escape '\\\(Character(Unicode.Scalar(c)!))'", at: start)
            }
            return c
        }
    }

    private func valid(_ v: UInt32, _ start: Int) throws(RegexSyntaxError) -> UInt32 {
        guard Unicode.Scalar(v) != nil else { throw error("not a Unicode scalar value", at: start) }
        return v
    }

    private mutating func hex(exactly n: Int = 0, maxDigits: Int = 0, start: Int) throws(RegexSyntaxError) -> UInt32 {
        var v: UInt32 = 0, count = 0
        let limit = n > 0 ? n : maxDigits
        while count < limit, let d = peek(), let h = Self.hexValue(d) { v = v << 4 | h; i += 1; count += 1 }
        if n > 0 && count != n || count == 0 { throw error("bad hexadecimal escape", at: start) }
        return v
    }

    private static func hexValue(_ d: UInt32) -> UInt32? {
        switch d {
        case 0x30...0x39: return d - 0x30
        case 0x41...0x46: return d - 0x41 + 10
        case 0x61...0x66: return d - 0x61 + 10
        default: return nil
        }
    }

    // MARK: classes

    /// `[...]` at `i`.
    private mutating func parseClass() throws(RegexSyntaxError) -> ScalarSet.Node {
        let open = i
        i += 1
        return try parseClassBody(open: open, rest: false)
    }

    /// A class body from `i` (after its `[`, or after a `&&` or `--`, when `rest`), up to and
    /// including the closing `]`. The rest of a class after a set operation is parsed as if it
    /// were a class body of its own (so `[a-z&&^aeiou]` subtracts the vowels), in place: it was
    /// copied into a parser of its own, which made a class of n operations quadratic (a 4 KB
    /// SRX pattern of 800 `&&` led the `srx` fuzz target's profile).
    private mutating func parseClassBody(open: Int, rest: Bool) throws(RegexSyntaxError) -> ScalarSet.Node {
        var negate = false
        if peek() == 0x5E { negate = true; i += 1 }
        var items: [ScalarSet.Node] = []
        var ranges: [ClosedRange<UInt32>] = []
        // A `]` first in a class is literal; the rest after a set operation cannot be empty.
        var first = true
        if rest && peek() == 0x5D { throw error("a set operation ('&&' or '--') without a right-hand side", at: i) }
        func flush() {
            if !ranges.isEmpty { items.append(.ranges(ranges)); ranges = [] }
        }
        var result: ScalarSet.Node?
        loop: while true {
            if flags.extended {
                while let c = peek(), c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { _ = c; i += 1 }
            }
            guard let c = peek() else { throw error("missing ']'", at: open) }
            if c == 0x5D && !first { i += 1; break loop }
            first = false
            // Set operations: && (intersection) and -- (subtraction) take the rest of the class.
            if (c == 0x26 && peek(1) == 0x26) || (c == 0x2D && peek(1) == 0x2D) {
                let isIntersection = c == 0x26
                i += 2
                flush()
                let left: ScalarSet.Node = items.count == 1 ? items[0] : .union(items)
                let right = try parseClassBody(open: open, rest: true)
                result = isIntersection ? .intersection(left, right) : .subtraction(left, right)
                break loop
            }
            if c == 0x5B {
                if peek(1) == 0x3A, let posix = try posixClass() {
                    flush(); items.append(posix)
                } else {
                    flush(); items.append(try parseClass())
                }
                continue
            }
            var lo: UInt32
            if c == 0x5C {
                i += 1
                guard !atEnd else { throw error("missing ']'", at: open) }
                if let n = try classEscape() { flush(); items.append(n); continue }
                if peek() == 0x62 { i += 1; lo = 0x08 } else { lo = try scalarEscape(start: i - 1) }
            } else {
                i += 1
                lo = c
            }
            // A range a-z (a '-' before ']' or another '-' is literal).
            if peek() == 0x2D, let next = peek(1), next != 0x5D, next != 0x2D {
                i += 1
                var hi: UInt32
                if next == 0x5C {
                    i += 1
                    guard !atEnd else { throw error("missing ']'", at: open) }
                    if peek() == 0x62 { i += 1; hi = 0x08 } else { hi = try scalarEscape(start: i - 1) }
                } else if next == 0x5B {
                    throw error("a range cannot end with a class", at: i)
                } else {
                    i += 1
                    hi = next
                }
                guard lo <= hi else { throw error("range out of order", at: i - 1) }
                ranges.append(lo...hi)
            } else {
                ranges.append(lo...lo)
            }
        }
        if result == nil {
            flush()
            result = items.count == 1 ? items[0] : .union(items)
        }
        return negate ? .complement(result!) : result!
    }

    /// `[:name:]` or `[:^name:]` at `i`; nil when it is not one (then `[` starts a nested class).
    private mutating func posixClass() throws(RegexSyntaxError) -> ScalarSet.Node? {
        var j = i + 2
        var negate = false
        if j < s.count, s[j] == 0x5E { negate = true; j += 1 }
        var name = ""
        while j < s.count, s[j] != 0x3A, s[j] != 0x5D { name.unicodeScalars.append(Unicode.Scalar(s[j])!); j += 1 }
        guard j + 1 < s.count, s[j] == 0x3A, s[j + 1] == 0x5D else { return nil }
        guard let prop = UnicodeProperty.named(name) else {
            throw error("unsupported or unknown Unicode property '\(name)'", at: i)
        }
        i = j + 2
        return negate ? .complement(.property(prop)) : .property(prop)
    }
}
