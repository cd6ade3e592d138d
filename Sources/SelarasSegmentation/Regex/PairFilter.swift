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
