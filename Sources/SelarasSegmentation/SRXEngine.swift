/// The compiled rules of one language and the scanning machinery.
final class SRXEngine: @unchecked Sendable {
    struct Rule: Sendable {
        var isBreak: Bool
        var before: Int
        var after: Int
        /// Scalars that can end a `beforebreak` match.
        var last: FirstSet
        /// Scalars that can start an `afterbreak` match.
        var first: FirstSet
        /// The last two scalars of a `beforebreak` match (last first).
        var lastPairs: PairFilter
        /// The first two scalars of an `afterbreak` match.
        var firstPairs: PairFilter
    }

    /// The ASCII part of each rule's pre-test, flat for the hot loop.
    struct Filter {
        var lastLo: UInt64, lastHi: UInt64, lastAny: Bool
        var firstLo: UInt64, firstHi: UInt64, firstAny: Bool
        /// Offsets of the rule's pair tables in `pairTables` (128 rows each), or -1 for none.
        var lastPairRow: Int
        var firstPairRow: Int
        var isBreak: Bool
        var before: Int
        var after: Int
        /// Run the afterbreak program first (it is the cheaper of the two).
        var afterFirst: Bool
        /// The programs are decided by the pre-test alone (a single class or empty).
        var beforeDecided: Bool
        var afterDecided: Bool
    }

    /// How far from a position its rules may look (bytes): 4 KiB, so segmenting stays linear
    /// on any input. A rule that would need more context sees the text as ending there.
    static let window = 4096

    let code: RegexCode
    let rules: [Rule]
    let breakRules: [Int]
    private let filters: UnsafeMutablePointer<Filter>
    /// For each pair of ASCII scalars (before, after) the rules (bit k for rule k) whose
    /// one-scalar tests pass; nil when there are more than 64 rules.
    private let admitMask: UnsafeMutablePointer<UInt64>?
    /// The bits of the break rules.
    private let breakBits: UInt64
    /// Rows of the pair pre-tests: for each ASCII scalar, the allowed next scalars.
    private let pairTables: UnsafeMutablePointer<(UInt64, UInt64, Bool, Bool)>
    /// Bitmaps of each rule's `last` (rule k at 2k) and `first` (2k+1) sets over U+0000–U+00FF and
    /// U+2000–U+207F (the windows of `Tabulation`), so the non-ASCII scalars of Indonesian text (Latin-1
    /// letters, quotes, dashes, ellipsis) are tested without Unicode property lookups.
    private let scalarBits: UnsafeMutablePointer<UInt64>
    /// The same over the union of the break rules' `last` sets: can a break follow this scalar?
    private let breakLastBits: UnsafeMutablePointer<UInt64>
    static let bitmapWords = Tabulation.bitCount / 64
    private let breakFilters: UnsafeMutablePointer<Filter>
    /// For each byte value: can a break rule's `beforebreak` end with the scalar ending in this
    /// byte? (Continuation bytes: could it end with a non-ASCII scalar.)
    let candidateByte: [Bool]
    /// `candidateByte` as 0/1 bytes, to test several bytes with one branch.
    let candidateByteMask: [UInt8]
    /// The candidate bytes as SIMD splats, when there are few: the ASCII ones, and a threshold
    /// for bytes 0x80 and above (0xFF when none of those is a candidate, since 0xFF never occurs
    /// in UTF-8).
    let simdCandidates: (bytes: [SIMD16<UInt8>], high: SIMD16<UInt8>)?
    /// Some break rule's `beforebreak` can match empty text: every position must be examined.
    let everyPosition: Bool

    init(rules source: [SRXDocument.Rule]) {
        var compiler = RegexCompiler()
        var rules: [Rule] = []
        // Within a run of consecutive rules with the same decision, order does not matter (the
        // decision is the same whichever matches first), so rules in the run that share an
        // afterbreak pattern are merged into one whose beforebreak is the alternation of theirs.
        var merged: [(isBreak: Bool, before: RegexNode, beforeKey: String, after: RegexNode, afterKey: String)] = []
        var blockStart = 0
        for r in source {
            if let last = merged.last, last.isBreak != r.isBreak { blockStart = merged.count }
            if let k = merged[blockStart...].firstIndex(where: { $0.afterKey == r.afterBreak }) {
                var m = merged[k]
                if case let .alternation(bs) = m.before, m.beforeKey.hasPrefix("\u{0}") {
                    m.before = .alternation(bs + [r.before])
                } else {
                    m.before = .alternation([m.before, r.before])
                }
                m.beforeKey = "\u{0}" + m.beforeKey + "\u{0}" + r.beforeBreak
                merged[k] = m
            } else {
                merged.append((r.isBreak, r.before, r.beforeBreak, r.after, r.afterBreak))
            }
        }
        // Identical patterns share one program, so their result at a position is computed once.
        var beforePrograms: [String: Int] = [:]
        var afterPrograms: [String: Int] = [:]
        for r in merged {
            let before = beforePrograms[r.beforeKey] ?? compiler.program(r.before, forward: false)
            beforePrograms[r.beforeKey] = before
            let after = afterPrograms[r.afterKey] ?? compiler.program(r.after, forward: true)
            afterPrograms[r.afterKey] = after
            rules.append(Rule(isBreak: r.isBreak, before: before, after: after,
                              last: FirstSet.of(r.before, forward: false), first: FirstSet.of(r.after, forward: true),
                              lastPairs: PairFilter.of(r.before, forward: false),
                              firstPairs: PairFilter.of(r.after, forward: true)))
        }
        let code = compiler.finish()
        self.code = code
        self.rules = rules
        let breakRules = rules.indices.filter { rules[$0].isBreak }
        self.breakRules = breakRules
        var table = [Bool](repeating: false, count: 256)
        var every = false
        for k in breakRules {
            let last = rules[k].last
            if last.unrestricted { every = true }
            for b in 0..<128 where last.contains(UInt32(b)) { table[b] = true }
            if last.mayContainNonASCII { for b in 0x80..<0xC0 { table[b] = true } }
        }
        self.candidateByte = table
        self.candidateByteMask = table.map { $0 ? 1 : 0 }
        let asciiCandidates = (0..<128).filter { table[$0] }
        let highCandidates = table[0x80...].contains(true)
        if asciiCandidates.count <= 12 {
            self.simdCandidates = (asciiCandidates.map { SIMD16<UInt8>(repeating: UInt8($0)) },
                                   SIMD16<UInt8>(repeating: highCandidates ? 0x80 : 0xFF))
        } else {
            self.simdCandidates = nil
        }
        self.everyPosition = every
        func bits(_ f: FirstSet) -> (UInt64, UInt64) {
            var lo: UInt64 = 0, hi: UInt64 = 0
            for v in UInt32(0)..<128 where f.contains(v) {
                if v < 64 { lo |= 1 << UInt64(v) } else { hi |= 1 << UInt64(v - 64) }
            }
            return (lo, hi)
        }
        let sizes = code.programSizes
        var rows: [(UInt64, UInt64, Bool, Bool)] = []
        func row(_ pairs: PairFilter) -> Int {
            guard !pairs.unrestricted else { return -1 }
            rows += pairs.ascii.map { ($0.lo, $0.hi, $0.any, $0.nonASCII) }
            return rows.count - 128
        }
        let all = rules.map { r -> Filter in
            let l = bits(r.last), f = bits(r.first)
            return Filter(lastLo: l.0, lastHi: l.1, lastAny: r.last.unrestricted, firstLo: f.0, firstHi: f.1,
                          firstAny: r.first.unrestricted,
                          lastPairRow: row(r.lastPairs), firstPairRow: row(r.firstPairs),
                          isBreak: r.isBreak, before: r.before, after: r.after,
                          afterFirst: sizes[r.after] <= sizes[r.before],
                          beforeDecided: code.isSingleStep(r.before), afterDecided: code.isSingleStep(r.after))
        }
        let words = Self.bitmapWords
        self.scalarBits = .allocate(capacity: max(rules.count * 2 * words, 1))
        self.scalarBits.initialize(repeating: 0, count: max(rules.count * 2 * words, 1))
        self.breakLastBits = .allocate(capacity: words)
        self.breakLastBits.initialize(repeating: 0, count: words)
        for (k, r) in rules.enumerated() {
            for (side, set) in [(0, r.last), (1, r.first)] {
                let base = (2 * k + side) * words
                if !set.mayContainNonASCII && !set.unrestricted {
                    for v in UInt32(0)..<128 where set.contains(v) { scalarBits[base + Int(v / 64)] |= 1 << UInt64(v % 64) }
                } else {
                    for b in 0..<Tabulation.bitCount where set.contains(Tabulation.scalar(b)) {
                        scalarBits[base + b / 64] |= 1 << UInt64(b % 64)
                    }
                }
                if side == 0 && r.isBreak {
                    for w in 0..<words { breakLastBits[w] |= scalarBits[base + w] }
                }
            }
        }
        self.pairTables = .allocate(capacity: max(rows.count, 1))
        self.pairTables.initialize(from: rows, count: rows.count)
        if all.count <= 64 {
            let table = UnsafeMutablePointer<UInt64>.allocate(capacity: 128 * 128)
            table.initialize(repeating: 0, count: 128 * 128)
            for (k, r) in all.enumerated() {
                for a in UInt32(0)..<128 where r.lastAny || Self.has(r.lastLo, r.lastHi, a) {
                    for b in UInt32(0)..<128 where r.firstAny || Self.has(r.firstLo, r.firstHi, b) {
                        table[Int(a) * 128 + Int(b)] |= 1 << UInt64(k)
                    }
                }
            }
            self.admitMask = table
            self.breakBits = all.enumerated().reduce(0) { $1.element.isBreak ? $0 | (1 << UInt64($1.offset)) : $0 }
        } else {
            self.admitMask = nil
            self.breakBits = 0
        }
        self.filters = .allocate(capacity: max(all.count, 1))
        self.filters.initialize(from: all, count: all.count)
        let onlyBreaks = breakRules.map { all[$0] }
        self.breakFilters = .allocate(capacity: max(onlyBreaks.count, 1))
        self.breakFilters.initialize(from: onlyBreaks, count: onlyBreaks.count)
    }

    deinit {
        filters.deallocate()
        breakFilters.deallocate()
        admitMask?.deallocate()
        pairTables.deallocate()
        scalarBits.deallocate()
        breakLastBits.deallocate()
    }

    @inline(__always)
    private static func has(_ lo: UInt64, _ hi: UInt64, _ v: UInt32) -> Bool {
        v < 64 ? lo & (1 << UInt64(v)) != 0 : hi & (1 << UInt64(v &- 64)) != 0
    }

    /// Whether rule `k` could apply between scalars `prev` and `next`.
    @inline(__always)
    private func admits(_ f: UnsafeMutablePointer<Filter>, _ k: Int, _ idx: Int, _ c: Context) -> Bool {
        let r = f[k]
        if !r.lastAny {
            if c.prev < 128 { if !Self.has(r.lastLo, r.lastHi, c.prev) { return false } }
            else if let b = Tabulation.bit(c.prev) {
                if scalarBits[2 * idx * Self.bitmapWords + b / 64] & (1 << UInt64(b % 64)) == 0 { return false }
            } else if !rules[idx].last.contains(c.prev) { return false }
        }
        if !r.firstAny {
            if c.next < 128 { if !Self.has(r.firstLo, r.firstHi, c.next) { return false } }
            else if let b = Tabulation.bit(c.next) {
                if scalarBits[(2 * idx + 1) * Self.bitmapWords + b / 64] & (1 << UInt64(b % 64)) == 0 { return false }
            } else if !rules[idx].first.contains(c.next) { return false }
        }
        if r.lastPairRow >= 0 {
            if c.prev < 128 {
                let e = pairTables[r.lastPairRow + Int(c.prev)]
                if !e.2 {
                    guard let v = c.prev2 else { return false }
                    if v < 128 { if !Self.has(e.0, e.1, v) { return false } }
                    else if !e.3 || !rules[idx].lastPairs.admits(c.prev, v) { return false }
                }
            } else if !rules[idx].lastPairs.admits(c.prev, c.prev2) { return false }
        }
        if r.firstPairRow >= 0 {
            if c.next < 128 {
                let e = pairTables[r.firstPairRow + Int(c.next)]
                if !e.2 {
                    guard let v = c.next2 else { return false }
                    if v < 128 { if !Self.has(e.0, e.1, v) { return false } }
                    else if !e.3 || !rules[idx].firstPairs.admits(c.next, v) { return false }
                }
            } else if !rules[idx].firstPairs.admits(c.next, c.next2) { return false }
        }
        return true
    }

    /// The pair tests of rule `k` for ASCII `prev` and `next`.
    @inline(__always)
    private func pairsAdmit(_ k: Int, _ c: Context) -> Bool {
        let r = filters[k]
        if r.lastPairRow >= 0 {
            let e = pairTables[r.lastPairRow &+ Int(c.prev)]
            if !e.2 {
                guard let v = c.prev2 else { return false }
                if v < 128 { if !Self.has(e.0, e.1, v) { return false } }
                else if !e.3 || !rules[k].lastPairs.admits(c.prev, v) { return false }
            }
        }
        if r.firstPairRow >= 0 {
            let e = pairTables[r.firstPairRow &+ Int(c.next)]
            if !e.2 {
                guard let v = c.next2 else { return false }
                if v < 128 { if !Self.has(e.0, e.1, v) { return false } }
                else if !e.3 || !rules[k].firstPairs.admits(c.next, v) { return false }
            }
        }
        return true
    }

    /// The two scalars on each side of a position.
    struct Context {
        var prev: UInt32
        var next: UInt32
        var prev2: UInt32?
        var next2: UInt32?
    }

    /// Break positions (byte offsets, strictly inside the text, ascending).
    func breaks(_ buf: UnsafeBufferPointer<UInt8>) -> [Int] {
        let n = buf.count
        guard n > 1, let p = buf.baseAddress, !breakRules.isEmpty else { return [] }
        var out: [Int] = []
        var machine = RegexMachine(code: code, text: p, count: n)
        machine.window = Self.window
        defer { machine.release() }
        var cache = ProgramCache(programs: code.programs.count)
        defer { cache.release() }
        if everyPosition {
            var i = 1
            while i < n {
                if p[i] & 0xC0 != 0x80, decide(at: i, text: p, count: n, machine: &machine, cache: &cache) { out.append(i) }
                i += 1
            }
            return out
        }
        candidateByteMask.withUnsafeBufferPointer { table in
            var i = 0
            let last = n - 1
            while i < last {
                // Sixteen bytes at a time (SIMD compares against the few candidate bytes) while
                // none of them can end a break rule's beforebreak; else eight by table.
                if let simd = simdCandidates, i + 16 <= last {
                    let v = UnsafeRawPointer(p + i).loadUnaligned(as: SIMD16<UInt8>.self)
                    var m = v .>= simd.high
                    for c in simd.bytes { m .|= v .== c }
                    if !any(m) { i += 16; continue }
                }
                if i + 8 <= last {
                    let hit = table[Int(p[i])] | table[Int(p[i + 1])] | table[Int(p[i + 2])] | table[Int(p[i + 3])]
                        | table[Int(p[i + 4])] | table[Int(p[i + 5])] | table[Int(p[i + 6])] | table[Int(p[i + 7])]
                    if hit == 0 { i += 8; continue }
                }
                if table[Int(p[i])] != 0 {
                    let pos = i + 1
                    if p[i] >= 0x80 {
                        // The end of a non-ASCII scalar: only worth a look if a break can follow it.
                        if p[pos] & 0xC0 == 0x80 { i += 1; continue }
                        let v = UTF8Text.decodeBefore(p, pos).0
                        if let b = Tabulation.bit(v), breakLastBits[b / 64] & (1 << UInt64(b % 64)) == 0 { i += 1; continue }
                    }
                    if p[pos] & 0xC0 != 0x80, decide(at: pos, text: p, count: n, machine: &machine, cache: &cache) {
                        out.append(pos)
                    }
                }
                i += 1
            }
        }
        return out
    }

    /// Whether the rules put a break at `pos` (a scalar boundary with text on both sides).
    @inline(__always)
    private func decide(at pos: Int, text p: UnsafePointer<UInt8>, count n: Int, machine: inout RegexMachine,
                        cache: inout ProgramCache) -> Bool {
        let (prev, prevLength) = UTF8Text.decodeBefore(p, pos)
        let (next, nextLength) = UTF8Text.decode(p, pos)
        let context = Context(prev: prev, next: next,
                              prev2: pos - prevLength > 0 ? UTF8Text.decodeBefore(p, pos - prevLength).0 : nil,
                              next2: pos + nextLength < n ? UTF8Text.decode(p, pos + nextLength).0 : nil)
        cache.generation &+= 1
        let gen = cache.generation
        @inline(__always)
        func matches(_ k: Int, _ f: UnsafeMutablePointer<Filter>) -> Bool {
            // `admits` has passed: a program decided by its pre-test matches.
            let r = f[k]
            let first = r.afterFirst ? r.after : r.before
            let second = r.afterFirst ? r.before : r.after
            let firstDecided = r.afterFirst ? r.afterDecided : r.beforeDecided
            let secondDecided = r.afterFirst ? r.beforeDecided : r.afterDecided
            if !firstDecided {
                if cache.stamp[first] != gen {
                    cache.stamp[first] = gen
                    cache.result[first] = machine.run(program: first, at: pos) != nil
                }
                guard cache.result[first] else { return false }
            }
            if secondDecided { return true }
            if cache.stamp[second] != gen {
                cache.stamp[second] = gen
                cache.result[second] = machine.run(program: second, at: pos) != nil
            }
            return cache.result[second]
        }
        if let admitMask, prev < 128, next < 128 {
            // ASCII on both sides: the rules whose one-scalar tests pass come from a table.
            let mask = admitMask[Int(prev) &* 128 &+ Int(next)]
            var breaks = mask & breakBits
            var someBreak = false
            while breaks != 0 {
                let k = breaks.trailingZeroBitCount
                breaks &= breaks &- 1
                if pairsAdmit(k, context), matches(k, filters) { someBreak = true; break }
            }
            guard someBreak else { return false }
            var all = mask
            while all != 0 {
                let k = all.trailingZeroBitCount
                all &= all &- 1
                if pairsAdmit(k, context), matches(k, filters) { return filters[k].isBreak }
            }
            return false
        }
        // A break needs some break rule to match; most positions are settled by that alone.
        var someBreak = false
        for k in 0..<breakRules.count where admits(breakFilters, k, breakRules[k], context) {
            if matches(k, breakFilters) { someBreak = true; break }
        }
        guard someBreak else { return false }
        for k in 0..<rules.count where admits(filters, k, k, context) {
            if matches(k, filters) { return filters[k].isBreak }
        }
        return false
    }

    /// Results of programs already run at the current position.
    /// Freed by `release()` by its owner.
    struct ProgramCache {
        var generation = 0
        let stamp: UnsafeMutablePointer<Int>
        let result: UnsafeMutablePointer<Bool>

        init(programs: Int) {
            stamp = .allocate(capacity: max(programs, 1))
            stamp.initialize(repeating: 0, count: max(programs, 1))
            result = .allocate(capacity: max(programs, 1))
            result.initialize(repeating: false, count: max(programs, 1))
        }

        func release() {
            stamp.deallocate()
            result.deallocate()
        }
    }

    /// Sentence byte ranges: the text between breaks, trimmed, empty ones dropped.
    func sentences(_ buf: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        sentences(buf, cuts: breaks(buf))
    }

    /// The trimmed, non-empty pieces of `buf` between `cuts` (sorted break offsets).
    func sentences(_ buf: UnsafeBufferPointer<UInt8>, cuts: [Int]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(cuts.count + 1)
        guard let p = buf.baseAddress else { return [] }
        var start = 0
        for end in cuts + [buf.count] {
            if let r = Self.trimmed(start..<end, p) { out.append(r) }
            start = end
        }
        return out
    }

    /// `r` without leading and trailing whitespace; nil when nothing is left.
    @inline(__always)
    static func trimmed(_ r: Range<Int>, _ p: UnsafePointer<UInt8>) -> Range<Int>? {
        var a = r.lowerBound, b = r.upperBound
        while a < b {
            let (v, len) = UTF8Text.decode(p, a)
            guard UTF8Text.isTrimmable(v) else { break }
            a += len
        }
        while b > a {
            let (v, len) = UTF8Text.decodeBefore(p, b)
            guard UTF8Text.isTrimmable(v) else { break }
            b -= len
        }
        return a < b ? a..<b : nil
    }
}
