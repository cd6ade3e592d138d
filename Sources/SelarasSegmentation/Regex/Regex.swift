/// A compiled regular expression that answers one question fast: does the pattern match text that
/// starts (forwards) or ends (backwards) at a given position? This is what SRX needs: a rule applies
/// at a position when its `beforebreak` pattern matches text ending there and its `afterbreak`
/// pattern matches text starting there.
///
/// The pattern language is the ICU/Java syntax of SRX files (see `RegexParser` for what is and is
/// not supported). Look-behind may have any length. Matching is a backtracking machine over UTF-8
/// bytes that switches to memoisation of (instruction, position) states after a step budget, so a
/// single test costs at most O(pattern × text it inspects) even for patterns like `(a*)*b`.
public struct Regex: Sendable {
    let code: RegexCode
    /// The program for anchored forward matching.
    let forward: Int
    /// The program for anchored backward matching.
    let backward: Int
    /// The pattern as written.
    public let pattern: String
    /// Scalars that can come first when matching forwards (`nil`: any, or the empty match).
    let firstForward: FirstSet
    /// Scalars that can come last in a match (the first met when matching backwards).
    let firstBackward: FirstSet

    /// Compiles `pattern`; `caseInsensitive` is the initial value of the `(?i)` flag.
    public init(_ pattern: String, caseInsensitive: Bool = false) throws(RegexSyntaxError) {
        let node = try RegexParser.parse(pattern, caseInsensitive: caseInsensitive)
        try Self.checkSize(node)
        self.init(node: node, pattern: pattern)
    }

    /// Patterns whose repetitions expand past this many instructions are refused.
    static let maximumSize = 100_000

    static func checkSize(_ node: RegexNode) throws(RegexSyntaxError) {
        if node.expandedSize > maximumSize {
            throw RegexSyntaxError(column: 1, message: "the pattern is too large once its repetitions are expanded")
        }
    }

    init(node: RegexNode, pattern: String, optimize: Bool = true) {
        var compiler = RegexCompiler()
        compiler.optimize = optimize
        self.forward = compiler.program(node, forward: true)
        self.backward = compiler.program(node, forward: false)
        self.code = compiler.finish()
        self.pattern = pattern
        self.firstForward = FirstSet.of(node, forward: true)
        self.firstBackward = FirstSet.of(node, forward: false)
    }

    /// Whether the pattern matches the whole of `text`.
    public func matchesWhole(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        let n = bytes.count
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buf in
            var m = RegexMachine(code: code, text: buf.baseAddress!, count: n)
            defer { m.release() }
            return m.matchesExactly(program: forward, from: 0, to: n)
        }
    }

    /// Whether some match starts at byte offset `position` of valid UTF-8 `text`.
    func matches(startingAt position: Int, in machine: inout RegexMachine) -> Bool {
        machine.run(program: forward, at: position) != nil
    }

    /// Whether some match ends at byte offset `position` of valid UTF-8 `text`.
    func matches(endingAt position: Int, in machine: inout RegexMachine) -> Bool {
        machine.run(program: backward, at: position) != nil
    }
}

/// The scalars that can be met first by a program: a cheap pre-test before running it.
struct FirstSet: Sendable {
    /// True when the pattern can match the empty string (or begins with something not tracked),
    /// so any scalar — or none — may follow.
    var unrestricted: Bool
    var sets: [ScalarSet]

    @inline(__always)
    func contains(_ v: UInt32) -> Bool {
        if unrestricted { return true }
        for s in sets where s.contains(v) { return true }
        return false
    }

    /// Whether the set might contain a non-ASCII scalar.
    var mayContainNonASCII: Bool { unrestricted || sets.contains { $0.mayContainNonASCII } }

    static let any = FirstSet(unrestricted: true, sets: [])

    /// First scalars of `node` in the given direction, and whether it is nullable.
    static func of(_ node: RegexNode, forward: Bool) -> FirstSet {
        let (sets, nullable) = collect(node, forward: forward)
        guard !nullable, let sets else { return .any }
        return FirstSet(unrestricted: false, sets: sets)
    }

    /// (sets, nullable); sets nil means unrestricted.
    private static func collect(_ node: RegexNode, forward: Bool) -> ([ScalarSet]?, Bool) {
        switch node {
        case .empty, .assertion, .look:
            return ([], true)
        case let .literal(v):
            return ([ScalarSet(scalars: [v])], false)
        case let .set(s):
            return ([s], false)
        case .any:
            return (nil, false)
        case let .concat(items):
            var acc: [ScalarSet] = []
            for item in forward ? items : items.reversed() {
                let (s, nullable) = collect(item, forward: forward)
                guard let s else { return (nil, false) }
                acc += s
                if !nullable { return (acc, false) }
            }
            return (acc, true)
        case let .alternation(branches):
            var acc: [ScalarSet] = []
            var nullable = false
            for b in branches {
                let (s, n) = collect(b, forward: forward)
                guard let s else { return (nil, n || nullable) }
                acc += s
                nullable = nullable || n
            }
            return (acc, nullable)
        case let .repetition(inner, min, _, _):
            let (s, n) = collect(inner, forward: forward)
            return (s, n || min == 0)
        case let .atomic(inner):
            return collect(inner, forward: forward)
        }
    }
}

/// Which scalar may come second in a match, given the first: a pre-test on the two scalars
/// nearest a position. Built from the pattern; conservative (it never rejects a real match).
struct PairFilter: Sendable {
    /// For each ASCII first scalar: the ASCII bitmap of allowed second scalars, whether any
    /// second scalar (or none) is allowed, and whether a non-ASCII second scalar may be.
    let ascii: [(lo: UInt64, hi: UInt64, any: Bool, nonASCII: Bool)]
    /// The (first, second) classes, for non-ASCII scalars; nil second means any.
    let pairs: [(ScalarSet, ScalarSet?)]
    /// Nothing is known: every pair passes.
    let unrestricted: Bool

    static let any = PairFilter(pairs: nil)

    init(pairs: [(ScalarSet, ScalarSet?)]?) {
        guard let pairs else {
            self.pairs = []
            self.ascii = []
            self.unrestricted = true
            return
        }
        self.pairs = pairs
        self.unrestricted = false
        var table: [(lo: UInt64, hi: UInt64, any: Bool, nonASCII: Bool)] = Array(repeating: (0, 0, false, false), count: 128)
        for (first, second) in pairs {
            for c in 0..<128 where first.contains(UInt32(c)) {
                guard let second else { table[c].any = true; continue }
                for v in UInt32(0)..<128 where second.contains(v) {
                    if v < 64 { table[c].lo |= 1 << UInt64(v) } else { table[c].hi |= 1 << UInt64(v - 64) }
                }
                if second.mayContainNonASCII { table[c].nonASCII = true }
            }
        }
        self.ascii = table
    }

    /// Whether a match can start with `first` then `second` (nil: no scalar there).
    @inline(__always)
    func admits(_ first: UInt32, _ second: UInt32?) -> Bool {
        if unrestricted { return true }
        if first < 128 {
            let e = ascii[Int(first)]
            if e.any { return true }
            guard let second else { return false }
            if second < 128 { return second < 64 ? e.lo & (1 << UInt64(second)) != 0 : e.hi & (1 << UInt64(second - 64)) != 0 }
            return e.nonASCII && slow(first, second)
        }
        guard let second else { return pairs.contains { $0.0.contains(first) && $0.1 == nil } }
        return slow(first, second)
    }

    private func slow(_ first: UInt32, _ second: UInt32) -> Bool {
        for (f, s) in pairs where f.contains(first) {
            guard let s else { return true }
            if s.contains(second) { return true }
        }
        return false
    }

    /// The pair filter of `node` matched in the given direction.
    static func of(_ node: RegexNode, forward: Bool) -> PairFilter {
        PairFilter(pairs: collect([node], forward: forward, depth: 0))
    }

    /// `seq` is in matching order; nil means unrestricted.
    private static func collect(_ seq: [RegexNode], forward: Bool, depth: Int) -> [(ScalarSet, ScalarSet?)]? {
        guard depth < 64 else { return nil }
        var seq = seq
        while let head = seq.first {
            switch head {
            case .empty, .look, .assertion:
                seq.removeFirst()
                continue
            case let .concat(items):
                seq.replaceSubrange(0...0, with: forward ? items : items.reversed())
                continue
            default:
                break
            }
            break
        }
        guard let head = seq.first else { return nil }
        let rest = Array(seq.dropFirst())
        /// First scalars of the rest; nil second when the rest may be empty (any scalar, or none).
        func secondAfter(_ rest: [RegexNode]) -> ScalarSet?? {
            if rest.isEmpty { return .some(nil) }
            let f = FirstSet.of(.concat(forward ? rest : rest.reversed()), forward: forward)
            // (A case-insensitive class is left unrestricted rather than widened here.)
            if f.unrestricted || f.sets.contains(where: \.caseInsensitive) { return .some(nil) }
            return .some(ScalarSet(.union(f.sets.map(\.node))))
        }
        func single(_ x: RegexNode) -> ScalarSet? {
            switch x {
            case let .literal(v): return ScalarSet(scalars: [v])
            case let .set(s): return s
            default: return nil
            }
        }
        switch head {
        case .literal, .set:
            return [(single(head)!, secondAfter(rest)!)]
        case let .repetition(x, min, max, mode) where mode != .possessive:
            if min == 0 {
                // Either skipped, or taken once (then maybe more).
                guard let skipped = collect(rest, forward: forward, depth: depth + 1) else { return nil }
                if max == 0 { return skipped }
                let again: [RegexNode] = (max ?? 2) > 1 ? [.repetition(x, min: 0, max: max.map { $0 - 1 }, mode: mode)] : []
                guard let taken = collect([x] + again + rest, forward: forward, depth: depth + 1) else { return nil }
                return skipped + taken
            }
            let again: [RegexNode] = max == 1 ? [] : [.repetition(x, min: min - 1, max: max.map { $0 - 1 }, mode: mode)]
            return collect([x] + again + rest, forward: forward, depth: depth + 1)
        case let .alternation(branches):
            var acc: [(ScalarSet, ScalarSet?)] = []
            for b in branches {
                guard let p = collect([b] + rest, forward: forward, depth: depth + 1) else { return nil }
                acc += p
                if acc.count > 2000 { return nil }
            }
            return acc
        default:
            return nil
        }
    }
}
